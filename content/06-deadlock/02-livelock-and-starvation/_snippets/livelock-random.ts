import { spawn, busy, now } from "racecourse";

// The same two diners, with one change: when the other one is hungry, a
// diner hands the spoon over only if a coin says so. Randomness breaks
// the symmetry.
const table = new Int32Array(new SharedArrayBuffer(12));
table[1] = 1;
table[2] = 1;

function diner(me: number, table: Int32Array, patience: number): string {
  const other = 1 - me;
  let handovers = 0;
  for (;;) {
    while (Atomics.load(table, 0) !== me) Atomics.wait(table, 0, other);
    busy(1);
    const otherIsHungry = Atomics.load(table, 1 + other) === 1;
    const polite = Math.random() < 0.5; // the only new line
    if (otherIsHungry && polite && handovers < patience) {
      handovers++;
      Atomics.store(table, 0, other);
      Atomics.notify(table, 0);
      continue;
    }
    Atomics.store(table, 1 + me, 0);
    Atomics.store(table, 0, other);
    Atomics.notify(table, 0);
    return `diner ${me} ate after ${handovers} hand-overs`;
  }
}

const diners = [spawn(diner, 0, table, 300), spawn(diner, 1, table, 300)];
for (const line of await Promise.all(diners.map((d) => d.join()))) {
  console.log(line);
}
console.log(`both diners ate, ${Math.round(now())} ms after the start`);
