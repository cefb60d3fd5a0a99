import { spawn } from "racecourse";

// The same hand-over, with the flag raised by Atomics.store.
const data = new Int32Array(new SharedArrayBuffer(8));
const ready = new Int32Array(new SharedArrayBuffer(4));

function prepare(data: Int32Array, ready: Int32Array) {
  data[0] = 42; // plain writes…
  data[1] = 43;
  Atomics.store(ready, 0, 1); // …published by an atomic store
}

const worker = spawn(prepare, data, ready);
while (Atomics.load(ready, 0) === 0) {} // an atomic load that sees the 1…
console.log(`read ${data[0]} and ${data[1]}`); // …sees both writes before it
await worker.join();
