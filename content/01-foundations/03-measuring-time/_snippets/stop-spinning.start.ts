import { busy, now } from "racecourse";

// Waits until `ms` milliseconds have passed,
// checking the clock again and again.
function waitFor(ms: number): void {
  const until = now() + ms;
  while (now() < until) {
    // nothing to do yet: check again
  }
}

for (let file = 1; file <= 4; file++) {
  waitFor(200); // the next file arrives after 200 ms
  busy(50); // then it takes 50 ms to process
  console.log(`file ${file} processed at ${Math.round(now())} ms`);
}
console.log("all 4 files processed");
