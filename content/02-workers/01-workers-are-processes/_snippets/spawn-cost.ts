import { spawn, now } from "racecourse";

function addOne(x: number): number {
  return x + 1;
}

// A plain function call: a million of them, timed together.
let x = 0;
const callStart = now();
for (let i = 0; i < 1_000_000; i++) x = addOne(x);
const callMs = (now() - callStart) / 1_000_000;

// The same call in a fresh worker: spawn, run, join. Eight times in turn.
const times: number[] = [];
for (let i = 0; i < 8; i++) {
  const start = now();
  await spawn(addOne, i).join();
  times.push(now() - start);
}
const first = times[0]!.toFixed(1);
times.sort((a, b) => a - b);
const median = (times[3]! + times[4]!) / 2;
const fastest = times[0]!.toFixed(1);

const ratio = Math.round(median / callMs).toLocaleString("en");
console.log(`function call: ${(callMs * 1e6).toFixed(1)} ns (x = ${x})`);
console.log(`spawn + join:  ${median.toFixed(1)} ms median`);
console.log(`  (the first took ${first} ms, the fastest ${fastest} ms)`);
console.log(`one worker costs as much as ${ratio} function calls`);
