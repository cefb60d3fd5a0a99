import { spawn, sleep, busy } from "racecourse";

// Four bytes of memory that both workers see: the same bytes, not a copy.
const progress = new Int32Array(new SharedArrayBuffer(4));

const task = spawn((cell: Int32Array) => {
  for (let step = 1; step <= 10; step++) {
    busy(40); // a slice of real work
    Atomics.store(cell, 0, step); // write to shared memory: no message
  }
}, progress);

// Main reads the same memory while the task runs.
for (let seen = 0; seen < 10; ) {
  await sleep(60);
  seen = Atomics.load(progress, 0);
  console.log(`main sees step ${seen} of 10`);
}
await task.join();
