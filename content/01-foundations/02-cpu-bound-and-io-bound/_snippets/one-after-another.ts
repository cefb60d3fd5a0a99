import { busy, sleep, now } from "racecourse";

// Two workloads of four jobs each, 250 ms per job:
// sleep(250) waits, like a download;
// busy(250) computes, like resizing a photo.

let start = now();
for (let job = 1; job <= 4; job++) await sleep(250);
console.log(`4 waiting jobs:   ${Math.round(now() - start)} ms`);

start = now();
for (let job = 1; job <= 4; job++) busy(250);
console.log(`4 computing jobs: ${Math.round(now() - start)} ms`);
