import { spawn, busy, sleep, cores, now } from "racecourse";

// One task keeps a core busy, another mostly sleeps. Run it, then watch the timeline.
const worker = spawn((ms: number) => busy(ms), 400);
const sleeper = spawn(async (ms: number) => {
  await sleep(ms);
  return "rested";
}, 300);

console.log(await worker.join(), await sleeper.join());
console.log(`${cores} cores; finished at ${Math.round(now())} ms`);
