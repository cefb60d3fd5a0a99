// @time-limit 30s
import { spawn, sleep, compute, cores, now } from "racecourse";

// The same total work, 400 ms of compute() on one free core, split evenly
// over k workers.
const TOTAL_MS = 400;

// Each job waits at a starting line in shared memory, so all k start
// together; then it does its share and reports how long that took.
function job(ms: number, line: Int32Array): number {
  compute(0); // warm up the work loop before the start
  Atomics.add(line, 0, 1); // "ready"
  Atomics.wait(line, 1, 0); // sleep until main sets the start flag
  const start = now();
  compute(ms);
  return now() - start;
}

async function trial(k: number) {
  const line = new Int32Array(new SharedArrayBuffer(8)); // [ready, start]
  const share = TOTAL_MS / k;
  const tasks = Array.from({ length: k }, () => spawn(job, share, line));
  while (Atomics.load(line, 0) < k) await sleep(5); // all ready?
  const start = now();
  Atomics.store(line, 1, 1); // go!
  Atomics.notify(line, 1);
  const jobTimes = await Promise.all(tasks.map((t) => t.join()));
  return { wall: now() - start, slowest: Math.max(...jobTimes) };
}

// Never more than 16 workers: past the core count they only cost start-up time.
const counts = [...new Set([1, 2, cores, 2 * cores, 4 * cores].map((k) => Math.min(k, 16)))];
counts.sort((a, b) => a - b);
console.log(`this machine reports ${cores} cores`);
console.log("workers  wall ms  speed-up  slowest job  slowed by");
let one = 0; // the wall time with one worker
for (const k of counts) {
  const r = await trial(k);
  if (k === 1) one = r.wall;
  // A job of 1/k of the work should take 1/k of one worker's time, unless
  // it had to share a core: then it is slowed down.
  const slowedBy = r.slowest / (one / k);
  console.log(
    String(k).padStart(7) +
      r.wall.toFixed(0).padStart(9) +
      `${(one / r.wall).toFixed(2)}×`.padStart(10) +
      `${r.slowest.toFixed(0)} ms`.padStart(13) +
      `${slowedBy.toFixed(1)}×`.padStart(11),
  );
}
