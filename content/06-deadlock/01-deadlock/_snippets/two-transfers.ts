import { spawn, Mutex } from "racecourse";

// Two bank accounts, each guarded by its own lock (Python: threading.Lock()).
const accountA = new Mutex("A");
const accountB = new Mutex("B");
// Shared by both transfers: how many of them hold their first lock.
const started = new Int32Array(new SharedArrayBuffer(4));

// A transfer locks the account it pays from, then the one it pays into.
function transfer(from: Mutex, to: Mutex, label: string, started: Int32Array) {
  from.lock();
  console.log(`${label}: holds ${from.name}`);
  // Bad luck, made certain: wait until the other one holds its first lock.
  Atomics.add(started, 0, 1);
  Atomics.notify(started, 0);
  while (Atomics.load(started, 0) < 2) Atomics.wait(started, 0, 1);
  console.log(`${label}: wants ${to.name}`);
  to.lock();
  console.log(`${label}: moved the money`); // never printed
  to.unlock();
  from.unlock();
}

const first = spawn(transfer, accountA, accountB, "A→B", started);
const second = spawn(transfer, accountB, accountA, "B→A", started);
await Promise.all([first.join(), second.join()]);
console.log("both transfers done");
