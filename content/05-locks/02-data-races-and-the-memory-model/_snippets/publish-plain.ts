import { spawn } from "racecourse";

// A worker prepares two numbers, then raises a flag to say they are ready.
const data = new Int32Array(new SharedArrayBuffer(8));
const ready = new Int32Array(new SharedArrayBuffer(4));

function prepare(data: Int32Array, ready: Int32Array) {
  data[0] = 42; // plain writes…
  data[1] = 43;
  ready[0] = 1; // …and a plain flag: nothing orders them for the reader
}

const worker = spawn(prepare, data, ready);
while (Atomics.load(ready, 0) === 0) {} // wait for the flag
console.log(`read ${data[0]} and ${data[1]}`);
await worker.join();
