import { busy, sleep, now } from "racecourse";

// A heartbeat that should print every 100 ms…
async function heartbeat(): Promise<void> {
  for (let beat = 1; beat <= 8; beat++) {
    await sleep(100);
    console.log(`beat ${beat} at ${Math.round(now())} ms`);
  }
}

// …and a burst of computing on the same worker.
async function crunch(): Promise<void> {
  await sleep(250);
  console.log(`crunch starts at ${Math.round(now())} ms`);
  busy(400);
  console.log(`crunch ends at ${Math.round(now())} ms`);
}

await Promise.all([heartbeat(), crunch()]);
