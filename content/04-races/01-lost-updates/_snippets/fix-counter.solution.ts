import { spawn, Mutex, exploring } from "racecourse";

const WORKERS = 2;
const TIMES = exploring ? 2 : 200_000; // 2 when every interleaving is explored
// Cell 0: the count. Cell 1: workers at the start line.
const shared = new Int32Array(new SharedArrayBuffer(8));
const countLock = new Mutex("count"); // guards every use of shared[0]

function addOnes(
  shared: Int32Array,
  lock: Mutex,
  workers: number,
  times: number,
) {
  Atomics.add(shared, 1, 1); // start line
  Atomics.notify(shared, 1);
  for (let n; (n = Atomics.load(shared, 1)) < workers; ) {
    Atomics.wait(shared, 1, n);
  }

  let work = 0;
  for (let i = 0; i < times; i++) {
    lock.lock();
    const seen = Atomics.load(shared, 0); // read…
    for (let k = 0; k < 16; k++) work = (work * 31 + i) | 0;
    Atomics.store(shared, 0, seen + 1); // …and write, under the lock
    lock.unlock();
  }
  return work;
}

const tasks = Array.from({ length: WORKERS }, () =>
  spawn(addOnes, shared, countLock, WORKERS, TIMES),
);
await Promise.all(tasks.map((task) => task.join()));
const count = Atomics.load(shared, 0);
console.assert(count === WORKERS * TIMES, "updates were lost");
console.log(`count = ${count}`);
