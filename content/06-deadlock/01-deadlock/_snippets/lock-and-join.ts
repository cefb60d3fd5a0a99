import { spawn, Mutex } from "racecourse";

// One lock is enough, if you also wait for a worker.
const logLock = new Mutex("log");

logLock.lock();
console.log("main: holds the log lock and starts a helper");
const helper = spawn((logLock: Mutex) => {
  logLock.lock(); // waits for main to let go…
  console.log("helper: writing to the log");
  logLock.unlock();
}, logLock);
await helper.join(); // …while main waits for the helper to finish
logLock.unlock();
console.log("main: done"); // never printed
