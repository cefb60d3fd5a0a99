import { spawn, sleep } from "racecourse";

// One shared cell, 0 to start with. The task sleeps until main changes it.
const cell = new Int32Array(new SharedArrayBuffer(4));

const task = spawn((c: Int32Array) => {
  // "If c[0] is still 0, sleep until someone notifies": one atomic step.
  const first = Atomics.wait(c, 0, 0);
  // c[0] is 1 by now, not 0: there is nothing to wait for.
  const second = Atomics.wait(c, 0, 0);
  // Expect 1, and sleep at most 50 ms: nobody will notify this time.
  const third = Atomics.wait(c, 0, 1, 50);
  return `${first}, then ${second}, then ${third}`;
}, cell);

await sleep(300); // let the task start and fall asleep
Atomics.store(cell, 0, 1); // change the value first…
Atomics.notify(cell, 0); // …then wake whoever sleeps on it
console.log(`the task's three waits: ${await task.join()}`);
