import { Semaphore, sleep, now } from "racecourse";

const permits = new Semaphore(3, "downloads"); // at most 3 downloads at once
let inFlight = 0;
let most = 0;

async function download(page: number): Promise<void> {
  await permits.acquireAsync(); // waits while 3 are running
  try {
    inFlight++;
    most = Math.max(most, inFlight);
    console.log(`page ${page} starts at ${Math.round(now())} ms (${inFlight} running)`);
    await sleep(100);
    inFlight--;
  } finally {
    permits.release(); // lets the next page in, however this one ended
  }
}

const t = now();
await Promise.all(Array.from({ length: 12 }, (_, i) => download(i + 1)));
console.log(`12 pages in ${Math.round(now() - t)} ms, at most ${most} at once`);
