import { spawn, Mutex } from "racecourse";

// Two workers, 100,000 additions each, one lock around the shared count.
const shared = new Int32Array(new SharedArrayBuffer(4)); // [count]
const countLock = new Mutex("count"); // guards shared[0]

function addOnes(shared: Int32Array, lock: Mutex, times: number): void {
  for (let i = 0; i < times; i++) {
    lock.withLock(() => {
      shared[0] = shared[0] + 1; // a plain read and write: safe, because the lock is held
    });
  }
}

const one = spawn(addOnes, shared, countLock, 100_000);
const two = spawn(addOnes, shared, countLock, 100_000);
await one.join();
await two.join();
console.log(`count = ${shared[0]}`);
