// @time-limit 20s
import { spawn, cores, now } from "racecourse";

// A fixed amount of CPU work: a set number of steps, however long they take.
// (busy(ms) is different: it stops after ms of wall time, core or no core.)
function spin(steps: number): number {
  let x = 0;
  for (let i = 0; i < steps; i++) x = (x * 31 + i) | 0;
  return x;
}

const STEPS = 40_000_000; // the whole job, shared out evenly

// 1 worker, one per core, two per core: never more than 16 workers,
// since each one takes time to start.
const counts = [...new Set([1, cores, 2 * cores].map((n) => Math.min(n, 16)))];
console.log(`this machine reports ${cores} cores`);
for (const n of counts) {
  const start = now();
  const share = Math.ceil(STEPS / n);
  const tasks = Array.from({ length: n }, () => spawn(spin, share));
  await Promise.all(tasks.map((task) => task.join()));
  const ms = Math.round(now() - start);
  console.log(`${String(n).padStart(2)} workers: ${ms} ms`);
}
