// @time-limit 60s
import { Pool, compute, cores, now } from "racecourse";

// 200 ms that only one worker can do (reading input, say), then 800 ms that splits.
async function job(workers: number): Promise<number> {
  const pool = new Pool(workers);
  await pool.map((i: number) => i, Array.from({ length: workers }, (_, i) => i));
  const start = now();
  compute(200); // the serial part
  await pool.map((ms: number) => compute(ms), Array.from({ length: 16 }, () => 50)); // the parallel part
  const elapsed = now() - start;
  await pool.close();
  return elapsed;
}

const one = await job(1);
const many = await job(cores);
const speedup = one / many;
// Amdahl: S = 1 / (f + (1 - f) / N)  ⇒  f = (N / S - 1) / (N - 1)
const f = cores > 1 ? (cores / speedup - 1) / (cores - 1) : 1;
console.log(`1 worker: ${Math.round(one)} ms, ${cores} workers: ${Math.round(many)} ms, speed-up ${speedup.toFixed(2)}×`);
console.log(`measured serial fraction ≈ ${f.toFixed(2)} (planned 0.20); ceiling ≈ ${(1 / Math.max(f, 0.01)).toFixed(1)}×`);
