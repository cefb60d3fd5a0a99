import { busy, sleep, now } from "racecourse";

// Waits until `ms` milliseconds have passed,
// leaving the worker free meanwhile.
async function waitFor(ms: number): Promise<void> {
  await sleep(ms);
}

for (let file = 1; file <= 4; file++) {
  await waitFor(200); // the next file arrives after 200 ms
  busy(50); // then it takes 50 ms to process
  console.log(`file ${file} processed at ${Math.round(now())} ms`);
}
console.log("all 4 files processed");
