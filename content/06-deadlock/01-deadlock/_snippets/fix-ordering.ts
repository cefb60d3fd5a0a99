import { spawn, Mutex, sleepSync, now } from "racecourse";

const accountA = new Mutex("A");
const accountB = new Mutex("B");
const ready = new Int32Array(new SharedArrayBuffer(4));

function transfer(from: Mutex, to: Mutex, label: string, ready: Int32Array) {
  // Keep the bad timing: both transfers start at the same moment.
  Atomics.add(ready, 0, 1);
  Atomics.notify(ready, 0);
  while (Atomics.load(ready, 0) < 2) Atomics.wait(ready, 0, 1);

  // The fix: lock the two accounts in one agreed order (here, by name),
  // whichever way the money goes.
  const [lock1, lock2] = from.name < to.name ? [from, to] : [to, from];
  lock1.lock();
  console.log(`${label}: holds ${lock1.name}`);
  sleepSync(200); // a long pause between the locks: a wide window
  lock2.lock();
  console.log(`${label}: holds ${lock2.name} too, moves the money`);
  lock2.unlock();
  lock1.unlock();
}

const first = spawn(transfer, accountA, accountB, "A→B", ready);
const second = spawn(transfer, accountB, accountA, "B→A", ready);
await Promise.all([first.join(), second.join()]);
console.log(`both transfers done after ${Math.round(now())} ms`);
