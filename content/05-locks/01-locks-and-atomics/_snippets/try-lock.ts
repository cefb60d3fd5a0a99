import { spawn, Mutex, sleepSync, busy } from "racecourse";

const printerLock = new Mutex("printer"); // guards the (pretend) printer
const taken = new Int32Array(new SharedArrayBuffer(4)); // 1 once it is

// worker-1 prints a long document: it holds the printer for 200 ms.
function printLongDocument(lock: Mutex, taken: Int32Array) {
  lock.lock();
  Atomics.store(taken, 0, 1); // tell main the printer is taken
  Atomics.notify(taken, 0);
  sleepSync(200);
  lock.unlock();
  return "worker-1 printed its long document";
}

// worker-2 would rather keep busy than queue at the printer.
function printWhenFree(lock: Mutex) {
  let chores = 0;
  while (!lock.tryLock()) {
    busy(10); // printer busy: 10 ms of something else, then try again
    chores++;
  }
  lock.unlock();
  return `worker-2 printed after ${chores} chores of 10 ms meanwhile`;
}

const first = spawn(printLongDocument, printerLock, taken);
await Atomics.waitAsync(taken, 0, 0).value; // until worker-1 holds it
const second = spawn(printWhenFree, printerLock);
console.log(await first.join());
console.log(await second.join());
