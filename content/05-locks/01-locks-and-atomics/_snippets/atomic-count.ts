import { spawn } from "racecourse";

// The racing count of the previous lesson, with one line changed.
const WORKERS = 2;
const TIMES = 200_000;
const shared = new Int32Array(new SharedArrayBuffer(8)); // [count, arrived]

function addOnes(shared: Int32Array, workers: number, times: number): void {
  Atomics.add(shared, 1, 1); // start line: wait until every worker is here
  Atomics.notify(shared, 1);
  for (let n; (n = Atomics.load(shared, 1)) < workers; ) Atomics.wait(shared, 1, n);

  for (let i = 0; i < times; i++) {
    Atomics.add(shared, 0, 1); // read, add and write as one indivisible step
  }
}

const tasks = Array.from({ length: WORKERS }, () => spawn(addOnes, shared, WORKERS, TIMES));
await Promise.all(tasks.map((task) => task.join()));
console.log(`count = ${shared[0]}`);
