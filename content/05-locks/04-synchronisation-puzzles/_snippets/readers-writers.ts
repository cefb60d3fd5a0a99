import { spawn, Mutex, Semaphore, sleepSync, exploring } from "racecourse";

// Three readers read a page again and again; one writer wants to change it.
const FAIR = false; // true: a waiting writer stops new readers at a turnstile
const READS = exploring ? 1 : 10; // each reader's
const page = new Int32Array(new SharedArrayBuffer(8)); // two cells a write changes together
const room = new Int32Array(new SharedArrayBuffer(12)); // [readers inside, reads done, at the start]
const countLock = new Mutex("count"); // guards room[0] and the first-in/last-out decisions
const roomEmpty = new Semaphore(1, "room empty"); // held by the writer, or by the readers together
const turnstile = new Mutex("turnstile");

function reader(page: Int32Array, room: Int32Array, countLock: Mutex, roomEmpty: Semaphore, turnstile: Mutex, fair: boolean, reads: number) {
  Atomics.add(room, 2, 1); // the start line: wait until all four workers are here
  Atomics.notify(room, 2);
  for (let n; (n = Atomics.load(room, 2)) < 4; ) Atomics.wait(room, 2, n);
  let torn = 0;
  for (let i = 0; i < reads; i++) {
    if (fair) turnstile.withLock(() => {}); // pass the turnstile, unless a writer holds it
    countLock.withLock(() => {
      if (Atomics.add(room, 0, 1) === 0) roomEmpty.acquire(); // the first reader in takes the room
    });
    if (page[0] !== page[1]) torn++; // read the page…
    sleepSync(20); // …which takes a while
    Atomics.add(room, 1, 1);
    countLock.withLock(() => {
      if (Atomics.sub(room, 0, 1) === 1) roomEmpty.release(); // the last reader out gives it back
    });
  }
  return torn;
}

function writer(page: Int32Array, room: Int32Array, roomEmpty: Semaphore, turnstile: Mutex, fair: boolean) {
  Atomics.add(room, 2, 1); // the start line: wait until all four workers are here
  Atomics.notify(room, 2);
  for (let n; (n = Atomics.load(room, 2)) < 4; ) Atomics.wait(room, 2, n);
  sleepSync(30); // comes when the readers are well under way
  const before = Atomics.load(room, 1);
  if (fair) turnstile.lock(); // no new reader gets past from now on
  roomEmpty.acquire(); // wait until the room is empty
  const waited = Atomics.load(room, 1) - before;
  page[0] = page[0]! + 1; // write both cells
  page[1] = page[1]! + 1;
  roomEmpty.release();
  if (fair) turnstile.unlock();
  return waited;
}

const readers = [1, 2, 3].map(() => spawn(reader, page, room, countLock, roomEmpty, turnstile, FAIR, READS));
const waited = await spawn(writer, page, room, roomEmpty, turnstile, FAIR).join();
const torn = (await Promise.all(readers.map((r) => r.join()))).reduce((a, b) => a + b, 0);
console.log(`reads finished while the writer waited: ${waited} of ${3 * READS}`);
console.log(`torn reads (one cell written, not the other): ${torn}`);
