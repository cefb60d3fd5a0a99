// @time-limit 20s
import { spawn, cores, now } from "racecourse";

// A fixed amount of work (TOTAL loop steps), split evenly over k workers.
const TOTAL = 60_000_000;

function job(steps: number): number {
  const start = now();
  let x = 0;
  for (let i = 0; i < steps; i++) x = (x * 31 + i) | 0;
  if (x === 42) console.log("(unlikely)"); // uses x, so the loop cannot be skipped
  return now() - start; // how long this job's own loop took
}

async function trial(k: number): Promise<{ wall: number; jobMs: number }> {
  const start = now();
  const tasks = Array.from({ length: k }, () => spawn(job, Math.round(TOTAL / k)));
  const jobTimes = await Promise.all(tasks.map((t) => t.join()));
  return { wall: now() - start, jobMs: jobTimes.reduce((a, b) => a + b, 0) / k };
}

const counts = [...new Set([1, 2, cores, 2 * cores, 4 * cores])].sort((a, b) => a - b);
console.log(`this machine reports ${cores} cores`);
console.log("workers   wall ms   speed-up   one job took   vs. a core to itself");
let base = { wall: 0, jobMs: 0 };
for (const k of counts) {
  const result = await trial(k);
  if (k === 1) base = result;
  const alone = base.jobMs / k; // what a job of this size takes on an idle core
  console.log(
    [
      String(k).padStart(7),
      result.wall.toFixed(0).padStart(9),
      `${(base.wall / result.wall).toFixed(2)}×`.padStart(10),
      `${result.jobMs.toFixed(0)} ms`.padStart(14),
      `${(result.jobMs / alone).toFixed(1)}× as long`.padStart(22),
    ].join(""),
  );
}
