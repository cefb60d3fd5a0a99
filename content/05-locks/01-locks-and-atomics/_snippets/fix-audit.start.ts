import { spawn, Mutex, exploring } from "racecourse";

// Four accounts of 1,000 each: the bank always holds 4,000 in all.
const accounts = new Int32Array(new SharedArrayBuffer(16)).fill(1000);
// Cell 0: workers at the start line. Cell 1: tellers finished.
const control = new Int32Array(new SharedArrayBuffer(8));
const bankLock = new Mutex("bank"); // guards all four accounts
// A day at the bank; a tiny one when every interleaving is explored.
const DAY = exploring
  ? { tellers: 1, transfers: 1, audits: 2 }
  : { tellers: 2, transfers: 100_000, audits: Infinity };

// A teller moves money between random accounts, 100,000 times a day.
function teller(
  accounts: Int32Array,
  control: Int32Array,
  lock: Mutex,
  day: typeof DAY,
) {
  Atomics.add(control, 0, 1); // start line for all the workers
  Atomics.notify(control, 0);
  for (let n; (n = Atomics.load(control, 0)) < day.tellers + 1; ) {
    Atomics.wait(control, 0, n);
  }

  let work = 0;
  for (let i = 0; i < day.transfers; i++) {
    const from = Math.floor(Math.random() * 4);
    const to = Math.floor(Math.random() * 4);
    const amount = 1 + Math.floor(Math.random() * 10);
    Atomics.sub(accounts, from, amount); // take the money out…
    for (let k = 0; k < 16; k++) work = (work * 31 + i) | 0; // forms
    Atomics.add(accounts, to, amount); // …and pay it in
  }
  Atomics.add(control, 1, 1); // this teller is done
  return work;
}

// The auditor adds up the accounts until the tellers are done.
function auditor(
  accounts: Int32Array,
  control: Int32Array,
  lock: Mutex,
  day: typeof DAY,
) {
  Atomics.add(control, 0, 1); // start line
  Atomics.notify(control, 0);
  for (let n; (n = Atomics.load(control, 0)) < day.tellers + 1; ) {
    Atomics.wait(control, 0, n);
  }

  let wrong = 0;
  for (let n = 0; n < day.audits; n++) {
    if (Atomics.load(control, 1) === day.tellers) break; // tellers done
    let total = 0;
    for (let a = 0; a < 4; a++) total += Atomics.load(accounts, a);
    if (total !== 4000) wrong++;
  }
  return wrong;
}

const tellers = Array.from({ length: DAY.tellers }, () =>
  spawn(teller, accounts, control, bankLock, DAY),
);
const audit = spawn(auditor, accounts, control, bankLock, DAY);
await Promise.all(tellers.map((t) => t.join()));
const wrong = await audit.join();
const total = accounts.reduce((sum, balance) => sum + balance, 0);
console.log(`total at the end: ${total}`);
console.log(`audits that saw a wrong total: ${wrong}`);
