import { spawn, Mutex, exploring } from "racecourse";

// The same count with a lock. One worker takes it; the other forgets.
const TIMES = exploring ? 2 : 200_000; // 2 when every interleaving is explored
const shared = new Int32Array(new SharedArrayBuffer(8)); // [count, arrived]
const countLock = new Mutex("count"); // guards shared[0]

function addOnes(shared: Int32Array, lock: Mutex | null, times: number) {
  Atomics.add(shared, 1, 1); // start line for the two workers, as before
  Atomics.notify(shared, 1);
  for (let n; (n = Atomics.load(shared, 1)) < 2; ) {
    Atomics.wait(shared, 1, n);
  }

  let work = 0;
  for (let i = 0; i < times; i++) {
    lock?.lock(); // (when there is a lock)
    const seen = Atomics.load(shared, 0);
    for (let k = 0; k < 16; k++) work = (work * 31 + i) | 0;
    Atomics.store(shared, 0, seen + 1);
    lock?.unlock();
  }
  return work;
}

const careful = spawn(addOnes, shared, countLock, TIMES);
const careless = spawn(addOnes, shared, null, TIMES); // forgot the lock
await Promise.all([careful.join(), careless.join()]);

const count = Atomics.load(shared, 0);
console.log(`lost ${2 * TIMES - count} of ${2 * TIMES} updates`);
console.log(`count = ${count}`);
