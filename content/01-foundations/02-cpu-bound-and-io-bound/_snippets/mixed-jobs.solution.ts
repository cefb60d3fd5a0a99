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

// Computing needs cores: one worker per photo.
const photos = ["beach.jpg", "hills.jpg"].map((n) => spawn(resizePhoto, n));
// Waiting needs none: both fetches as tasks on this worker, started together.
const pages = ["/news", "/weather"].map((url) => fetchPage(url));

const results: string[] = [
  ...(await Promise.all(pages)),
  ...(await Promise.all(photos.map((task) => task.join()))),
];

for (const line of results) console.log(line);
console.log(`4 jobs done in ${Math.round(now())} ms`);
