import { spawn, now } from "racecourse";

// Cost of a plain function call: a million of them, timed together.
function addOne(x: number): number {
  return x + 1;
}
let x = 0;
const callStart = now();
for (let i = 0; i < 1_000_000; i++) x = addOne(x);
const perCallMs = (now() - callStart) / 1_000_000;

// Cost of the same call in a fresh worker: spawn, run, join. One at a time, eight times.
const spawnTimes: number[] = [];
for (let i = 0; i < 8; i++) {
  const start = now();
  await spawn(addOne, i).join();
  spawnTimes.push(now() - start);
}
spawnTimes.sort((a, b) => a - b);
const median = (spawnTimes[3]! + spawnTimes[4]!) / 2;

console.log(`function call:     ${(perCallMs * 1e6).toFixed(1)} ns   (x = ${x})`);
console.log(`spawn + join:      ${median.toFixed(1)} ms median  (fastest ${spawnTimes[0]!.toFixed(1)}, slowest ${spawnTimes[7]!.toFixed(1)})`);
console.log(`a worker costs about ${Math.round(median / perCallMs).toLocaleString("en")} function calls`);
