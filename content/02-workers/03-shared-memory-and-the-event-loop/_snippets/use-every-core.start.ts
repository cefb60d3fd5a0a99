// @time-limit 20s
import { now } from "racecourse";

const LIMIT = 2_000_000;
// One counter, in shared memory.
const found = new Int32Array(new SharedArrayBuffer(4));

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

// Four chunks as four async tasks. All four run on this one worker.
async function chunk(from: number, to: number, counter: Int32Array) {
  Atomics.add(counter, 0, countPrimes(from, to));
}

const size = LIMIT / 4;
const chunks = [0, 1, 2, 3].map((i) =>
  chunk(i * size, (i + 1) * size, found),
);
await Promise.all(chunks);
console.log(`took ${Math.round(now())} ms`);
console.log(`primes below ${LIMIT}: ${Atomics.load(found, 0)}`);
