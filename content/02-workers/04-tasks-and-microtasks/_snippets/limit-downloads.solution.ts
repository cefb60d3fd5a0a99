import { Semaphore, sleep, exploring } from "racecourse";

const PAGES = exploring ? 5 : 12; // 5 in the small version the check explores
const permits = new Semaphore(3, "downloads");
let inFlight = 0;
let most = 0;

async function download(page: number): Promise<void> {
  await permits.acquireAsync(); // wait for one of the 3 permits
  try {
    inFlight++;
    most = Math.max(most, inFlight);
    await sleep(50 + (page % 4) * 20); // the server answers in 50 to 110 ms
    inFlight--;
  } finally {
    permits.release(); // hand the permit to the next page
  }
}

await Promise.all(Array.from({ length: PAGES }, (_, i) => download(i + 1)));
console.log(`${PAGES} pages, at most ${most} at once`);
