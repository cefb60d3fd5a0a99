import { spawn, busy, sleep, now } from "racecourse";

// Two kinds of job; each takes 700 ms when it runs alone.
async function fetchPage(url: string): Promise<string> {
  await sleep(700); // waiting for the network
  return `${url} fetched`;
}
function resizePhoto(name: string): string {
  busy(700); // computing
  return `${name} resized`;
}

// One after another: about 4 × 700 ms.
const results: string[] = [];
results.push(await fetchPage("/news"));
results.push(await fetchPage("/weather"));
results.push(resizePhoto("beach.jpg"));
results.push(resizePhoto("hills.jpg"));

for (const line of results) console.log(line);
console.log(`4 jobs done in ${Math.round(now())} ms`);
