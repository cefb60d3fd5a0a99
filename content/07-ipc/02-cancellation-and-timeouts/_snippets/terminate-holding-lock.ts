import { spawn, Mutex, sleep, now } from "racecourse";

const log = new Mutex("log"); // guards the log file, every write

async function writer(log: Mutex): Promise<void> {
  for (let entry = 1; ; entry++) {
    await log.lockAsync();
    try {
      await sleep(40); // write one entry to the log, holding the lock
    } finally {
      log.unlock(); // never runs if the worker is terminated in here
    }
  }
}

// Waits up to `ms` for the lock: tryLock again and again until the deadline.
async function lockWithin(lock: Mutex, ms: number): Promise<boolean> {
  const deadline = now() + ms;
  while (!lock.tryLock()) {
    if (now() >= deadline) return false;
    await sleep(5);
  }
  return true;
}

const task = spawn(writer, log);
await sleep(300);
task.terminate(); // stops the writer wherever it is
console.log(`terminated ${task.name} at ${Math.round(now())} ms`);

if (await lockWithin(log, 500)) {
  console.log("main has the log");
  log.unlock();
} else {
  console.log("no lock after 500 ms: the terminated worker still holds it");
}
