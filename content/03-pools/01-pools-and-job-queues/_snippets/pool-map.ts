import { Pool, sleep, now } from "racecourse";

// Twelve downloads of 200 ms each, at most four at a time.
async function download(file: number) {
  const start = now();
  await sleep(200); // waiting on the network
  return `file ${file}: ${Math.round(start)}–${Math.round(now())} ms`;
}

const pool = new Pool(4); // four workers, reused for every job
const files = Array.from({ length: 12 }, (_, i) => i + 1);
const results = await pool.map(download, files); // in input order
for (const line of results) console.log(line);
await pool.close();
console.log(`12 downloads took ${Math.round(now())} ms`);
