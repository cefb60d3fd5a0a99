import { spawn, Mutex, sleep, now, exploring } from "racecourse";

const ENTRIES = exploring ? 3 : 1000; // 3 in the small version the check explores
const log = new Mutex("log"); // guards the log, every write
const stop = new Int32Array(new SharedArrayBuffer(4)); // 1 = please stop

async function writer(log: Mutex, stop: Int32Array, entries: number): Promise<number> {
  let written = 0;
  while (written < entries && Atomics.load(stop, 0) === 0) {
    await log.lockAsync();
    try {
      await sleep(20); // write one entry, holding the lock
      written++;
    } finally {
      log.unlock();
    }
  }
  return written;
}

async function lockWithin(lock: Mutex, ms: number): Promise<boolean> {
  const deadline = now() + ms;
  while (!lock.tryLock()) {
    if (now() >= deadline) return false;
    await sleep(5);
  }
  return true;
}

const task = spawn(writer, log, stop, ENTRIES);
await sleep(200);
Atomics.store(stop, 0, 1); // ask the writer to stop…
const written = await task.join(); // …and wait until it has
console.log(`${task.name} stopped after ${written} entries`);

if (await lockWithin(log, 500)) {
  log.unlock();
  console.log("the log is free");
} else {
  console.log("the log is still locked");
}
