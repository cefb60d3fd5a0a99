import { spawn, Mutex, sleepSync, busy } from "racecourse";

const printerLock = new Mutex("printer"); // guards the (pretend) printer
const ready = new Int32Array(new SharedArrayBuffer(4));

// worker-1 prints a long document: it holds the printer for 200 ms.
function printLongDocument(lock: Mutex, ready: Int32Array): string {
  lock.lock();
  Atomics.store(ready, 0, 1); // tell the snippet the printer is now taken
  Atomics.notify(ready, 0);
  sleepSync(200);
  lock.unlock();
  return "worker-1 printed its long document";
}

// worker-2 would rather keep busy than queue at the printer.
function printWhenFree(lock: Mutex): string {
  let chores = 0;
  while (!lock.tryLock()) {
    busy(10); // the printer is busy: do 10 ms of something else, then try again
    chores++;
  }
  lock.unlock();
  return `worker-2 printed after doing ${chores} chores of 10 ms while it waited`;
}

const first = spawn(printLongDocument, printerLock, ready);
await Atomics.waitAsync(ready, 0, 0).value; // start worker-2 once worker-1 holds the lock
const second = spawn(printWhenFree, printerLock);
console.log(await first.join());
console.log(await second.join());
