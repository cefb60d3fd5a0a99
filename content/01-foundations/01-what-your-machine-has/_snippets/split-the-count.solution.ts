import { spawn, cores, now } from "racecourse";

// Counts the primes in [from, to) by trial division: pure CPU work.
function countPrimes(from: number, to: number): number {
  let count = 0;
  for (let n = Math.max(from, 2); n < to; n++) {
    let prime = n === 2 || n % 2 === 1;
    for (let d = 3; prime && d * d <= n; d += 2) {
      if (n % d === 0) prime = false;
    }
    if (prime) count++;
  }
  return count;
}

const LIMIT = 2_000_000;

// One slice per core, and at least two slices, so that the split shows
// even where the browser reports one core: [0, size), [size, 2 * size), …
// The last one ends at LIMIT.
const workers = Math.max(2, cores);
const size = Math.ceil(LIMIT / workers);
const tasks = Array.from({ length: workers }, (_, i) =>
  spawn(countPrimes, i * size, Math.min((i + 1) * size, LIMIT)),
);

const counts = await Promise.all(tasks.map((task) => task.join()));
const total = counts.reduce((sum, c) => sum + c, 0);
console.log(`${tasks.length} workers on ${cores} cores: ${Math.round(now())} ms`);
console.log(`primes below ${LIMIT}: ${total}`);
