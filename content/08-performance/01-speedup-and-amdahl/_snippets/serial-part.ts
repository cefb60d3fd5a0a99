// @time-limit 60s
import { Pool, compute, cores, now } from "racecourse";

// 200 ms that only one worker can do (reading input, say), then 800 ms that splits.
// The 800 ms go in 4 slices per core, so that every worker gets the same number of slices.
const SLICES = 4 * cores;
const SLICE_MS = 800 / SLICES;

async function job(workers: number): Promise<number> {
  const pool = new Pool(workers);
  await pool.map((i: number) => i, Array.from({ length: workers }, (_, i) => i)); // start every worker first
  const start = now();
  compute(200); // the serial part
  await pool.map((ms: number) => compute(ms), Array.from({ length: SLICES }, () => SLICE_MS)); // the parallel part
  const elapsed = now() - start;
  await pool.close();
  return elapsed;
}

const one = await job(1);
const many = await job(cores);
const speedup = one / many;
// Amdahl: S = 1 / (f + (1 - f) / N)  ⇒  f = (N / S - 1) / (N - 1), the Karp–Flatt metric
const f = cores > 1 ? (cores / speedup - 1) / (cores - 1) : 1;
console.log(`1 worker: ${Math.round(one)} ms, ${cores} workers: ${Math.round(many)} ms, speed-up ${speedup.toFixed(2)}×`);
console.log(`measured serial fraction ≈ ${f.toFixed(2)} (planned 0.20); ceiling ≈ ${(1 / Math.max(f, 0.01)).toFixed(1)}×`);
