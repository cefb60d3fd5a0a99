import { spawn, now } from "racecourse";

// Counts the primes in [from, to), tallied by last digit:
// tally[1] is how many of them end in 1.
function countChunk(from: number, to: number): number[] {
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
const start = now();
const tally = await spawn(countChunk, 0, LIMIT).join();
const total = tally.reduce((sum, c) => sum + c, 0);

const [, one, , three, , , , seven, , nine] = tally;
console.log(`ending in 1: ${one}, 3: ${three}, 7: ${seven}, 9: ${nine}`);
console.log(`one worker: ${Math.round(now() - start)} ms`);
console.log(`primes below ${LIMIT}: ${total}`);
