import { spawn, exploring } from "racecourse";

// Two workers each add 1 to a shared count 200,000 times. No lock.
const WORKERS = 2;
const TIMES = exploring ? 2 : 200_000; // 2 when every interleaving is explored

// Shared memory. Cell 0: the count. Cell 1: workers at the start line.
const shared = new Int32Array(new SharedArrayBuffer(8));

function addOnes(shared: Int32Array, workers: number, times: number) {
  // Start line: arrive, wake whoever waits, then wait for the others,
  // so that the loops below really run at the same time.
  Atomics.add(shared, 1, 1);
  Atomics.notify(shared, 1);
  for (let n; (n = Atomics.load(shared, 1)) < workers; ) {
    Atomics.wait(shared, 1, n);
  }

  let work = 0;
  for (let i = 0; i < times; i++) {
    const seen = Atomics.load(shared, 0); // 1. read the count
    for (let k = 0; k < 16; k++) work = (work * 31 + i) | 0; // some work
    Atomics.store(shared, 0, seen + 1); // 2. write back what was read + 1
  }
  return work; // returned so that the work is not optimised away
}

const tasks = Array.from({ length: WORKERS }, () =>
  spawn(addOnes, shared, WORKERS, TIMES),
);
await Promise.all(tasks.map((task) => task.join()));

const expected = WORKERS * TIMES;
const count = Atomics.load(shared, 0);
console.log(`lost ${expected - count} of ${expected} updates`);
console.log(`count = ${count}`);
