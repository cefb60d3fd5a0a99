import { spawn, compute, now } from "racecourse";

// 600 ms of work in a worker.
function slowAnswer(): number {
  compute(600);
  return 42;
}

// A promise that resolves with "timeout" after `ms`.
function timeout(ms: number): Promise<"timeout"> {
  return new Promise((resolve) => setTimeout(() => resolve("timeout"), ms));
}

const task = spawn(slowAnswer);
const winner = await Promise.race([task.join(), timeout(200)]);
console.log(`Promise.race settled at ${Math.round(now())} ms with ${winner}`);

// Nobody stopped the loser: if the timer won, the worker is still computing.
const answer = await task.join();
console.log(`worker-1 answered ${answer} at ${Math.round(now())} ms`);
console.log(`the race was won by ${winner === "timeout" ? "the timeout" : "the worker"}`);
