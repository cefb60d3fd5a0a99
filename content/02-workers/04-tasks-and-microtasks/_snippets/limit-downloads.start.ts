import { Semaphore, sleep, exploring } from "racecourse";

const PAGES = exploring ? 5 : 12; // 5 in the small version the check explores
const permits = new Semaphore(3, "downloads");
let inFlight = 0;
let most = 0;

async function download(page: number): Promise<void> {
  inFlight++;
  most = Math.max(most, inFlight);
  await sleep(50 + (page % 4) * 20); // the server answers in 50 to 110 ms
  inFlight--;
}

// Starts every download at once: the server allows 3.
await Promise.all(Array.from({ length: PAGES }, (_, i) => download(i + 1)));
console.log(`${PAGES} pages, at most ${most} at once`);
