import { spawn, exploring } from "racecourse";

// The racing count of the last lesson, with the loop body changed.
const WORKERS = 2;
const TIMES = exploring ? 2 : 200_000; // 2 when every interleaving is explored
const shared = new Int32Array(new SharedArrayBuffer(8)); // [count, arrived]

function addOnes(shared: Int32Array, workers: number, times: number) {
  Atomics.add(shared, 1, 1); // start line, as before
  Atomics.notify(shared, 1);
  for (let n; (n = Atomics.load(shared, 1)) < workers; ) {
    Atomics.wait(shared, 1, n);
  }

  for (let i = 0; i < times; i++) {
    Atomics.add(shared, 0, 1); // read, add 1 and write, as one step
  }
}

const tasks = Array.from({ length: WORKERS }, () =>
  spawn(addOnes, shared, WORKERS, TIMES),
);
await Promise.all(tasks.map((task) => task.join()));
console.log(`count = ${Atomics.load(shared, 0)}`);
