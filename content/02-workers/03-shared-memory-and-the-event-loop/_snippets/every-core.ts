import { spawn, cores, now } from "racecourse";

// One job per core. Each job is a fixed number of loop steps, not a fixed time.
function job(steps: number): number {
  const start = now();
  let x = 0;
  for (let i = 0; i < steps; i++) x = (x * 31 + i) | 0;
  if (x === 42) console.log("(unlikely)"); // uses x, so the loop cannot be skipped
  return now() - start;
}

const tasks = Array.from({ length: cores }, () => spawn(job, 40_000_000));
const times = await Promise.all(tasks.map((t) => t.join()));

times.forEach((ms, i) => console.log(`${tasks[i]!.name}: its job took ${Math.round(ms)} ms`));
console.log(`${cores} jobs on ${cores} workers: ${Math.round(now())} ms of wall time`);
