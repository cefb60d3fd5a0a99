import { spawn, Semaphore } from "racecourse";

// One worker writes a report; another may send it only once it is written.
const report = new Int32Array(new SharedArrayBuffer(4));
const written = new Semaphore(0, "written"); // no permits yet

function writer(report: Int32Array, written: Semaphore) {
  report[0] = 42; // write the report…
  written.release(); // …then signal: one permit, for whoever waits
}

function sender(report: Int32Array, written: Semaphore) {
  written.acquire(); // wait for the signal (at once if it came already)
  return `sent a report that says ${report[0]}`;
}

const send = spawn(sender, report, written); // the sender starts first…
spawn(writer, report, written); // …and still sends only what was written
console.log(await send.join());
