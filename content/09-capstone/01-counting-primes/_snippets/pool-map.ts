// @time-limit 20s
import { Pool, cores, now } from "racecourse";

// The counting function again, taking its range as one [from, to] item,
// the way Pool.map passes items.
function countChunk([from, to]: [number, number]): number[] {
  const tally: number[] = new Array(10).fill(0);
  for (let n = Math.max(from, 2); n < to; n++) {
    if (n % 2 === 0 && n !== 2) continue;
    let prime = true;
    for (let d = 3; d * d <= n; d += 2) {
      if (n % d === 0) { prime = false; break; }
    }
    if (prime) tally[n % 10]! += 1;
  }
  return tally;
}

const LIMIT = 3_000_000;
const CHUNK = 100_000;
const chunks: [number, number][] = [];
for (let from = 0; from < LIMIT; from += CHUNK) {
  chunks.push([from, from + CHUNK]);
}

// The whole job on a pool of `size` workers: the total, and the time it took.
async function countWith(size: number) {
  const pool = new Pool(size);
  await pool.map((i) => i, [...Array(size).keys()]); // start every worker first
  const start = now();
  const tallies = await pool.map(countChunk, chunks);
  const ms = now() - start;
  await pool.close();
  return { total: tallies.flat().reduce((sum, c) => sum + c, 0), ms };
}

const one = await countWith(1);
console.log(`1 worker:  ${Math.round(one.ms)} ms`);
const all = await countWith(cores);
const speedup = one.ms / all.ms;
console.log(`${cores} workers: ${Math.round(all.ms)} ms`);
console.log(`speedup: ${speedup.toFixed(2)}×`);
console.log(`primes below ${LIMIT}: ${all.total}`);
