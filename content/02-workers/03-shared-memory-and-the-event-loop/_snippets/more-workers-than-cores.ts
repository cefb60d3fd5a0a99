// @time-limit 20s
import { spawn, sleep, cores, now } from "racecourse";

// A fixed amount of work (TOTAL loop steps), split evenly over k workers.
const TOTAL = 60_000_000;

// Each job waits at a starting line in shared memory, so all k start
// together; then it runs its share of the loop and reports how long it took.
function job(steps: number, line: Int32Array): number {
  Atomics.add(line, 0, 1); // "ready"
  Atomics.wait(line, 1, 0); // sleep until main sets the start flag
  const start = now();
  let x = 0;
  for (let i = 0; i < steps; i++) x = (x * 31 + i) | 0;
  if (x === 42) console.log("(unlikely)"); // uses x: the loop must run
  return now() - start;
}

async function trial(k: number) {
  const line = new Int32Array(new SharedArrayBuffer(8)); // [ready, start]
  const steps = Math.round(TOTAL / k);
  const tasks = Array.from({ length: k }, () => spawn(job, steps, line));
  while (Atomics.load(line, 0) < k) await sleep(5); // all ready?
  const start = now();
  Atomics.store(line, 1, 1); // go!
  Atomics.notify(line, 1);
  const jobTimes = await Promise.all(tasks.map((t) => t.join()));
  return { wall: now() - start, slowest: Math.max(...jobTimes) };
}

const counts = [...new Set([1, 2, cores, 2 * cores, 4 * cores])];
counts.sort((a, b) => a - b);
console.log(`this machine reports ${cores} cores`);
console.log("workers  wall ms  speed-up  slowest job  vs. a core of its own");
let base = { wall: 0, slowest: 0 };
for (const k of counts) {
  const r = await trial(k);
  if (k === 1) base = r;
  const alone = base.slowest / k; // a job this size on a core of its own
  console.log(
    String(k).padStart(7) +
      r.wall.toFixed(0).padStart(9) +
      `${(base.wall / r.wall).toFixed(2)}×`.padStart(10) +
      `${r.slowest.toFixed(0)} ms`.padStart(13) +
      `${(r.slowest / alone).toFixed(1)}× as long`.padStart(23),
  );
}
