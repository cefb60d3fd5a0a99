// @time-limit 60s
import { Pool, compute, cores, now } from "racecourse";

// The same 24 slices of CPU work on cores, 2 × cores and 4 × cores workers.
async function timeWith(workers: number): Promise<number> {
  const pool = new Pool(workers);
  await pool.map((i: number) => i, Array.from({ length: workers }, (_, i) => i)); // start every worker first
  const start = now();
  await pool.map((ms: number) => compute(ms), Array.from({ length: 24 }, () => 25));
  const elapsed = now() - start;
  await pool.close();
  return elapsed;
}

// No pool larger than 16 workers: the extra ones would only cost start-up time.
const counts = [...new Set([cores, 2 * cores, 4 * cores].map((n) => Math.min(n, 16)))];
console.log(`this machine reports ${cores} cores`);
for (const workers of counts) {
  console.log(`${String(workers).padStart(2)} workers: ${Math.round(await timeWith(workers))} ms`);
}
