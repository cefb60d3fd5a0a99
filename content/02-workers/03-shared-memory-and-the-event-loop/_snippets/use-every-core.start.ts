import { now } from "racecourse";

const LIMIT = 2_000_000;
const found = new Int32Array(new SharedArrayBuffer(4)); // one counter, in shared memory

function countPrimes(from: number, to: number): number {
  let count = 0;
  for (let n = Math.max(from, 2); n < to; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

// Four chunks as four async tasks. They all run on this one worker, one after another.
async function chunk(from: number, to: number, counter: Int32Array): Promise<void> {
  Atomics.add(counter, 0, countPrimes(from, to));
}

const size = LIMIT / 4;
await Promise.all([0, 1, 2, 3].map((i) => chunk(i * size, (i + 1) * size, found)));
console.log(`took ${Math.round(now())} ms`);
console.log(`primes below ${LIMIT}: ${Atomics.load(found, 0)}`);
