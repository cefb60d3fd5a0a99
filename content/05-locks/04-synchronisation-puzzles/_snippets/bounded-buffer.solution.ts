import { spawn, Mutex, Semaphore, exploring } from "racecourse";

// A small buffer between one producer (main) and two consumers.
const SIZE = exploring ? 1 : 2; // slots in the buffer
const ITEMS = exploring ? 2 : 10_000; // explored: 2 items, 1 slot
const slots = new Int32Array(new SharedArrayBuffer(4 * SIZE));
const ends = new Int32Array(new SharedArrayBuffer(8)); // [next to fill, next to empty]
const endsLock = new Mutex("ends"); // guards ends and the slots between them
const items = new Semaphore(0, "items"); // one permit per filled slot
const spaces = new Semaphore(SIZE, "spaces"); // one permit per empty slot

function consumer(slots: Int32Array, ends: Int32Array, lock: Mutex, items: Semaphore, spaces: Semaphore, take: number) {
  let sum = 0;
  for (let i = 0; i < take; i++) {
    items.acquire(); // wait for a filled slot
    lock.withLock(() => {
      sum += slots[ends[1]! % slots.length]!; // take the item…
      ends[1] = ends[1]! + 1; // …and move on
    });
    spaces.release(); // one more empty slot
  }
  return sum;
}

const half = Math.floor(ITEMS / 2);
const consumers = [
  spawn(consumer, slots, ends, endsLock, items, spaces, half),
  spawn(consumer, slots, ends, endsLock, items, spaces, ITEMS - half),
];
for (let item = 1; item <= ITEMS; item++) {
  spaces.acquire(); // wait for an empty slot
  endsLock.withLock(() => {
    slots[ends[0]! % SIZE] = item; // put the item in the next slot…
    ends[0] = ends[0]! + 1;
  });
  items.release(); // …and say there is one more
}
const sums = await Promise.all(consumers.map((c) => c.join()));
console.log(`sum of the items taken: ${sums[0]! + sums[1]!} (of 1 to ${ITEMS}: ${(ITEMS * (ITEMS + 1)) / 2})`);
