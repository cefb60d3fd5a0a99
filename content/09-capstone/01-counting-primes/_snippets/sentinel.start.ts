import { spawn, Channel, cores, exploring } from "racecourse";

type Range = [number, number];

// A consumer counts the primes in every range it receives,
// until it receives `null`.
async function consumer(jobs: Channel<Range | null>): Promise<number> {
  let count = 0;
  for (;;) {
    const job = await jobs.recv();
    if (job === null || job === undefined) break; // no more work
    for (let n = Math.max(job[0], 2); n < job[1]; n++) {
      let prime = n === 2 || n % 2 === 1;
      for (let d = 3; prime && d * d <= n; d += 2) {
        if (n % d === 0) prime = false;
      }
      if (prime) count++;
    }
  }
  return count;
}

// Smaller when every interleaving is explored: primes below 300.
const LIMIT = exploring ? 300 : 3_000_000;
const CHUNK = exploring ? 100 : 100_000;
const jobs = new Channel<Range | null>(4);
const consumers = Array.from({ length: cores }, () => spawn(consumer, jobs));

// The producer sends every range…
for (let from = 0; from < LIMIT; from += CHUNK) {
  await jobs.send([from, from + CHUNK]);
}
// …and then waits for the consumers, which are still waiting for more work.

const counts = await Promise.all(consumers.map((task) => task.join()));
const total = counts.reduce((sum, c) => sum + c, 0);
console.log(`primes below ${LIMIT}: ${total}`);
