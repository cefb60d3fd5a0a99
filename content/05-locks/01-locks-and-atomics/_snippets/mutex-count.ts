import { spawn, Mutex, exploring } from "racecourse";

// Two workers, 100,000 additions each, a lock around the count.
const shared = new Int32Array(new SharedArrayBuffer(4)); // [count]
const countLock = new Mutex("count"); // guards shared[0]
const TIMES = exploring ? 2 : 100_000; // 2 when every interleaving is explored

function addOnes(shared: Int32Array, lock: Mutex, times: number) {
  for (let i = 0; i < times; i++) {
    lock.withLock(() => {
      shared[0]! += 1; // plain read, add, write: safe inside the lock
    });
  }
}

const one = spawn(addOnes, shared, countLock, TIMES);
const two = spawn(addOnes, shared, countLock, TIMES);
await one.join();
await two.join();
console.log(`count = ${shared[0]}`);
