import { spawn, compute, cores, now } from "racecourse";

// One job per core. compute(ms) is a fixed amount of work: about ms
// on a core of its own, longer if it has to share one.
function job(ms: number): number {
  const start = now();
  compute(ms);
  return now() - start;
}

// 400 ms each; past 4 cores, an equal share of 1,600 ms instead.
const JOB_MS = Math.min(400, Math.round(1600 / cores));
const tasks = Array.from({ length: cores }, () => spawn(job, JOB_MS));
const times = await Promise.all(tasks.map((t) => t.join()));

tasks.forEach((t, i) => {
  console.log(`${t.name}: its job took ${Math.round(times[i]!)} ms`);
});
const wall = Math.round(now());
console.log(`${cores} jobs on ${cores} workers: ${wall} ms of wall time`);
