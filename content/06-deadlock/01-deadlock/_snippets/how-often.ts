// @time-limit 20s
import { spawn, Mutex, busy, sleepSync } from "racecourse";

// The same two transfers, 400 times each, arriving at random moments, with
// no deliberate pause. How often does each end up holding one lock and
// wanting the other's?
function transfers(
  from: Mutex,
  to: Mutex,
  halfway: Int32Array,
  count: number,
  workMs: number,
): number {
  let deadlocks = 0;
  for (let i = 0; i < count; i++) {
    sleepSync(Math.random() * 2); // the next request arrives
    for (;;) {
      from.lock();
      if (workMs > 0) busy(workMs); // work done between the two locks
      // "I hold my first lock and want my second." If the other transfer
      // already said the same, each holds what the other wants: with
      // lock() this is a deadlock.
      if (Atomics.add(halfway, 0, 1) === 1) {
        deadlocks++;
        Atomics.sub(halfway, 0, 1);
        from.unlock(); // undo, so that the measurement can go on
        sleepSync(Math.random());
        continue;
      }
      while (!to.tryLock()) {
        // the second lock is busy only for a moment: try again
      }
      Atomics.sub(halfway, 0, 1);
      break;
    }
    to.unlock();
    from.unlock();
  }
  return deadlocks;
}

for (const workMs of [0, 0.02, 0.2]) {
  const a = new Mutex("A");
  const b = new Mutex("B");
  const halfway = new Int32Array(new SharedArrayBuffer(4));
  const counts = await Promise.all([
    spawn(transfers, a, b, halfway, 400, workMs).join(),
    spawn(transfers, b, a, halfway, 400, workMs).join(),
  ]);
  const total = counts[0] + counts[1];
  const deadlocks = `${total} deadlock${total === 1 ? "" : "s"}`;
  console.log(`${workMs} ms between the locks: ${deadlocks} in 800 transfers`);
}
