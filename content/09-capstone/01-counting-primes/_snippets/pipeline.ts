// @time-limit 20s
import { spawn, Channel, Mutex, cores, now, exploring } from "racecourse";

type Range = [number, number];

// A consumer takes ranges from the channel until it receives the sentinel
// `null`, then adds its own tally into the shared one, holding the lock.
async function consumer(
  jobs: Channel<Range | null>,
  shared: Int32Array,
  lock: Mutex,
): Promise<number> {
  function countChunk(from: number, to: number, tally: number[]): void {
    for (let n = Math.max(from, 2); n < to; n++) {
      if (n % 2 === 0 && n !== 2) continue;
      let prime = true;
      for (let d = 3; d * d <= n; d += 2) {
        if (n % d === 0) { prime = false; break; }
      }
      if (prime) tally[n % 10]! += 1;
    }
  }
  const mine: number[] = new Array(10).fill(0);
  let ranges = 0;
  for (;;) {
    const job = await jobs.recv();
    if (job === null || job === undefined) break; // the sentinel: no more work
    countChunk(job[0], job[1], mine);
    ranges++;
  }
  lock.lock();
  for (let digit = 0; digit < 10; digit++) shared[digit]! += mine[digit]!;
  lock.unlock();
  return ranges;
}

// A small version when every interleaving is explored: 3 ranges of 100.
const LIMIT = exploring ? 300 : 3_000_000;
const CHUNK = exploring ? 100 : 100_000;
const jobs = new Channel<Range | null>(4); // at most 4 ranges waiting at a time
// The merged tally: ten 32-bit counters that every worker sees.
const shared = new Int32Array(new SharedArrayBuffer(10 * 4));
const lock = new Mutex();

const start = now();
const consumers = Array.from({ length: cores }, () =>
  spawn(consumer, jobs, shared, lock),
);

// The producer: ranges as fast as the consumers take them,
// then one sentinel per consumer.
for (let from = 0; from < LIMIT; from += CHUNK) {
  await jobs.send([from, from + CHUNK]);
}
for (let i = 0; i < consumers.length; i++) await jobs.send(null);

const ranges = await Promise.all(consumers.map((task) => task.join()));
const total = shared.reduce((sum, c) => sum + c, 0);
const [, one, , three, , , , seven, , nine] = shared;
console.log(`ranges per consumer: ${ranges.join(", ")}`);
console.log(`ending in 1: ${one}, 3: ${three}, 7: ${seven}, 9: ${nine}`);
console.log(`${cores} consumers: ${Math.round(now() - start)} ms`);
console.log(`primes below ${LIMIT}: ${total}`);
