// @time-limit 20s
import { spawn, now } from "racecourse";

const LIMIT = 2_000_000;
// One counter, in shared memory.
const found = new Int32Array(new SharedArrayBuffer(4));

// Runs in another worker: all it needs is inside it or an argument.
function chunk(from: number, to: number, counter: Int32Array): void {
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
  Atomics.add(counter, 0, count); // shared memory: main sees this
}

const size = LIMIT / 4;
const tasks = [0, 1, 2, 3].map((i) =>
  spawn(chunk, i * size, (i + 1) * size, found),
);
await Promise.all(tasks.map((t) => t.join()));
console.log(`took ${Math.round(now())} ms`);
console.log(`primes below ${LIMIT}: ${Atomics.load(found, 0)}`);
