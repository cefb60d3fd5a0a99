import { sleep, now } from "racecourse";

// A stand-in for a download: 100 ms of waiting, no CPU.
async function download(page: number): Promise<string> {
  await sleep(100);
  return `page ${page}`;
}
const pages = [1, 2, 3, 4, 5];

let t = now();
const oneByOne: string[] = [];
for (const page of pages) oneByOne.push(await download(page)); // waits for each before starting the next
console.log(`one by one:  ${oneByOne.length} pages in ${Math.round(now() - t)} ms`);

t = now();
const together = await Promise.all(pages.map(download)); // starts all five, then waits
console.log(`Promise.all: ${together.length} pages in ${Math.round(now() - t)} ms`);

t = now();
const started = pages.map(download); // all five start here…
const inOrder: string[] = [];
for await (const page of started) inOrder.push(page); // …so this loop only collects them
console.log(`for await:   ${inOrder.length} pages in ${Math.round(now() - t)} ms`);
