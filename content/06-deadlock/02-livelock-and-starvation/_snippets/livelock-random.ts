import { spawn, Mutex, sleepSync, now } from "racecourse";

// The same two transfers, with one change: each back-off lasts a random
// time between 0 and 300 ms instead of exactly 50 ms.
const accountA = new Mutex("A");
const accountB = new Mutex("B");
const ready = new Int32Array(new SharedArrayBuffer(4));
const ATTEMPTS = 6; // then a transfer gives up

function transfer(
  from: Mutex,
  to: Mutex,
  label: string,
  ready: Int32Array,
  attempts: number,
) {
  Atomics.add(ready, 0, 1); // both transfers start at the same moment
  Atomics.notify(ready, 0);
  while (Atomics.load(ready, 0) < 2) Atomics.wait(ready, 0, 1);

  for (let attempt = 1; attempt <= attempts; attempt++) {
    from.lock();
    sleepSync(100); // the first half of the transfer
    if (to.tryLock()) {
      to.unlock();
      from.unlock();
      return `${label}: moved the money on attempt ${attempt}`;
    }
    console.log(`${label}: ${to.name} is taken (attempt ${attempt})`);
    sleepSync(50); // undo the first half, still holding the first lock
    from.unlock();
    sleepSync(Math.random() * 300); // back off for a random time: the only change
  }
  return `${label}: gave up after ${attempts} attempts`;
}

const first = spawn(transfer, accountA, accountB, "A→B", ready, ATTEMPTS);
const second = spawn(transfer, accountB, accountA, "B→A", ready, ATTEMPTS);
for (const line of await Promise.all([first.join(), second.join()])) {
  console.log(line);
}
console.log(`${Math.round(now())} ms after the start`);
