// @time-limit 20s
import { Pool, cores, now } from "racecourse";

function countChunk([from, to]: [number, number]): number {
  let count = 0;
  for (let n = Math.max(from, 2); n < to; n++) {
    let prime = n === 2 || n % 2 === 1;
    for (let d = 3; prime && d * d <= n; d += 2) if (n % d === 0) prime = false;
    if (prime) count++;
  }
  return count;
}

const LIMIT = 3_000_000;
const chunks: [number, number][] = [];
for (let from = 0; from < LIMIT; from += 1e5) chunks.push([from, from + 1e5]);

// The whole job on pools of 1, 2, … up to twice as many workers as cores.
let oneWorkerMs = 0;
for (let size = 1; size <= 2 * cores; size++) {
  const pool = new Pool(size);
  await pool.map((i) => i, [...Array(size).keys()]); // start every worker first
  const start = now();
  await pool.map(countChunk, chunks);
  const ms = now() - start;
  await pool.close();
  if (size === 1) oneWorkerMs = ms;
  const speedup = oneWorkerMs / ms;
  const bar = "█".repeat(Math.round(speedup * 10));
  const workers = `${size} workers`.padStart(10);
  const time = `${Math.round(ms)} ms`.padStart(8);
  console.log(`${workers} ${time}  ${speedup.toFixed(2)}× ${bar}`);
}
