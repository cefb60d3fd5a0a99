import { Pool, busy, now } from "racecourse";

// Count the primes below n by trial division: honest CPU-bound work.
function countPrimes(n: number): number {
  let count = 0;
  for (let k = 2; k < n; k++) {
    let prime = true;
    for (let d = 2; d * d <= k; d++) {
      if (k % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

function slowSquare(x: number): number {
  busy(100); // pretend this takes 100 ms
  return x * x;
}

const at = () => `${String(Math.round(now())).padStart(4)} ms`;
const pool = new Pool(2);

// submit() queues one call and returns a promise of its result at once.
const primes = pool.submit(countPrimes, 1_000_000);
const square = pool.submit(slowSquare, 12);
console.log(`${at()}  two jobs submitted; main is free meanwhile`);

const squared = await square; // waits here until that result is back
console.log(`${at()}  12 squared = ${squared}`);
const count = await primes;
console.log(`${at()}  primes below 1,000,000 = ${count}`);
await pool.close();
