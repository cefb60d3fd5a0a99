import { spawn, cores, now } from "racecourse";

// Every worker gets the same fixed job, a set number of steps,
// and reports how long the job took it, start to finish.
function timedJob(steps: number): number {
  const start = now();
  let x = 0;
  for (let i = 0; i < steps; i++) x = (x * 31 + i) | 0;
  return x === 0.5 ? -1 : now() - start; // uses x: the loop cannot be skipped
}

const WORKERS = 2 * cores; // try 1, then cores, then 2 * cores
const tasks = Array.from({ length: WORKERS }, () => spawn(timedJob, 15e6));
const took = await Promise.all(tasks.map((task) => task.join()));
const each = took.map((ms) => `${Math.round(ms)} ms`).join(", ");
console.log(`${WORKERS} workers; their jobs took ${each}`);
