// @time-limit 20s
import { spawn, cores, now } from "racecourse";

// Every worker gets the same fixed job, a set number of steps,
// and reports how long the job took it, start to finish.
function timedJob(steps: number): number {
  const start = now();
  let x = 0;
  for (let i = 0; i < steps; i++) x = (x * 31 + i) | 0;
  return x === 0.5 ? -1 : now() - start; // uses x: the loop cannot be skipped
}

// Try 1, then cores, then 2 * cores (never more than 16 workers).
const WORKERS = Math.min(2 * cores, 16);
// 15 million steps per job; past 8 cores, fewer, so the run stays short.
const STEPS = Math.min(15e6, Math.round(120e6 / cores));
const tasks = Array.from({ length: WORKERS }, () => spawn(timedJob, STEPS));
const took = await Promise.all(tasks.map((task) => task.join()));
const each = took.map((ms) => `${Math.round(ms)} ms`).join(", ");
console.log(`${WORKERS} workers on ${cores} cores; their jobs took ${each}`);
