import { sleep, now } from "racecourse";

// A stand-in for a download: 100 ms of waiting, no CPU.
async function download(page: number): Promise<string> {
  await sleep(100);
  return `page ${page}`;
}
const pages = [1, 2, 3, 4, 5];

let t = now();
const oneByOne: string[] = [];
// Waits for each download before it starts the next.
for (const page of pages) oneByOne.push(await download(page));
console.log(`one by one:  ${oneByOne.length} pages in ${Math.round(now() - t)} ms`);

t = now();
// Starts all five, then waits for all of them.
const together = await Promise.all(pages.map(download));
console.log(`Promise.all: ${together.length} pages in ${Math.round(now() - t)} ms`);

t = now();
const started = pages.map(download); // all five start here…
const inOrder: string[] = [];
// …so this loop only collects their results.
for await (const page of started) inOrder.push(page);
console.log(`for await:   ${inOrder.length} pages in ${Math.round(now() - t)} ms`);
