import { busy, sleep, now } from "racecourse";

// The same jobs as async tasks, all started at once on this one worker.
async function waitingJob(): Promise<void> {
  await sleep(250);
}
async function computingJob(): Promise<void> {
  busy(250);
}

let start = now();
await Promise.all([1, 2, 3, 4].map(() => waitingJob()));
console.log(`4 waiting jobs:   ${Math.round(now() - start)} ms`);

start = now();
await Promise.all([1, 2, 3, 4].map(() => computingJob()));
console.log(`4 computing jobs: ${Math.round(now() - start)} ms`);
