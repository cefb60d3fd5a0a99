import { spawn, Mutex, exploring } from "racecourse";

// Two workers, 100,000 additions each, a lock around the count.
// Cell 0: the count. Cell 1: workers at the start line.
const shared = new Int32Array(new SharedArrayBuffer(8));
const countLock = new Mutex("count"); // guards shared[0]
const TIMES = exploring ? 2 : 100_000; // 2 when every interleaving is explored

function addOnes(shared: Int32Array, lock: Mutex, times: number) {
  Atomics.add(shared, 1, 1); // start line, so that the loops overlap
  Atomics.notify(shared, 1);
  for (let n; (n = Atomics.load(shared, 1)) < 2; ) {
    Atomics.wait(shared, 1, n);
  }

  let work = 0;
  for (let i = 0; i < times; i++) {
    lock.withLock(() => {
      const seen = shared[0]!; // plain read…
      for (let k = 0; k < 16; k++) work = (work * 31 + i) | 0; // some work
      shared[0] = seen + 1; // …and plain write: safe inside the lock
    });
  }
  return work;
}

const one = spawn(addOnes, shared, countLock, TIMES);
const two = spawn(addOnes, shared, countLock, TIMES);
await one.join();
await two.join();
console.log(`count = ${shared[0]}`);
