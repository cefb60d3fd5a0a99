import { spawn, Mutex, sleepSync, now } from "racecourse";

// One printer, three workers. The greedy one prints 100 pages back to back:
// it unlocks after a page and locks again at once. The two others print
// 10 pages each, with a pause between pages, and wait in lock() for the
// printer like everyone else.
const printer = new Mutex("printer");
const ready = new Int32Array(new SharedArrayBuffer(4));
// Pages printed so far, by anyone.
const printed = new Int32Array(new SharedArrayBuffer(4));

function user(
  printer: Mutex,
  pages: number,
  greedy: boolean,
  ready: Int32Array,
  printed: Int32Array,
) {
  // Start together: wait until all three workers are at their desks.
  Atomics.add(ready, 0, 1);
  Atomics.notify(ready, 0);
  for (let n = Atomics.load(ready, 0); n < 3; n = Atomics.load(ready, 0)) {
    Atomics.wait(ready, 0, n);
  }

  const waits: number[] = []; // ms each page waited for the printer
  const overtaken: number[] = []; // pages printed by others meanwhile
  for (let page = 0; page < pages; page++) {
    const askedAt = now();
    const before = Atomics.load(printed, 0);
    printer.lock(); // everyone waits here until the printer is free
    waits.push(now() - askedAt);
    overtaken.push(Atomics.load(printed, 0) - before);
    sleepSync(5); // print the page
    Atomics.add(printed, 0, 1);
    printer.unlock();
    if (!greedy) sleepSync(10); // read the page before printing the next
  }
  return { waits, overtaken };
}

const users = [
  spawn(user, printer, 100, true, ready, printed),
  spawn(user, printer, 10, false, ready, printed),
  spawn(user, printer, 10, false, ready, printed),
];
const results = await Promise.all(users.map((u) => u.join()));
results.forEach(({ waits, overtaken }, i) => {
  const who = `worker-${i + 1} (${i === 0 ? "greedy" : "patient"})`;
  const average = waits.reduce((a, b) => a + b, 0) / waits.length;
  const longest = Math.max(...waits);
  const most = Math.max(...overtaken);
  const behind = `${most} other page${most === 1 ? "" : "s"}`;
  console.log(
    `${who}: ${waits.length} pages, waited ${average.toFixed(1)} ms on ` +
      `average, ${longest.toFixed(1)} ms at most, behind up to ${behind}`,
  );
});
