// @time-limit 30s
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

// The whole job on pools of 1, 2, 3, 4 workers, then 8 and 16, with the
// core count and twice it among them: up to twice as many workers as cores,
// and never more than 16 (more only cost start-up time).
const largest = Math.min(2 * cores, 16);
const sizes = [...new Set([1, 2, 3, 4, 8, 16, cores, 2 * cores])]
  .filter((size) => size <= largest)
  .sort((a, b) => a - b);
console.log(`this machine reports ${cores} cores`);
let oneWorkerMs = 0;
for (const size of sizes) {
  const pool = new Pool(size);
  await pool.map((i) => i, [...Array(size).keys()]); // start the workers
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
