import { spawn, compute, cores, now } from "racecourse";

// One job per core. compute(400) is a fixed amount of work: about 400 ms
// on a core of its own, longer if it has to share one.
function job(): number {
  const start = now();
  compute(400);
  return now() - start;
}

const tasks = Array.from({ length: cores }, () => spawn(job));
const times = await Promise.all(tasks.map((t) => t.join()));

tasks.forEach((t, i) => {
  console.log(`${t.name}: its job took ${Math.round(times[i]!)} ms`);
});
const wall = Math.round(now());
console.log(`${cores} jobs on ${cores} workers: ${wall} ms of wall time`);
