import { spawn, cores, now } from "racecourse";

// One job per core. A job is a fixed number of loop steps, not a fixed time.
function job(steps: number): number {
  const start = now();
  let x = 0;
  for (let i = 0; i < steps; i++) x = (x * 31 + i) | 0;
  if (x === 42) console.log("(unlikely)"); // uses x: the loop must run
  return now() - start;
}

const tasks = Array.from({ length: cores }, () => spawn(job, 40_000_000));
const times = await Promise.all(tasks.map((t) => t.join()));

tasks.forEach((t, i) => {
  console.log(`${t.name}: its job took ${Math.round(times[i]!)} ms`);
});
const wall = Math.round(now());
console.log(`${cores} jobs on ${cores} workers: ${wall} ms of wall time`);
