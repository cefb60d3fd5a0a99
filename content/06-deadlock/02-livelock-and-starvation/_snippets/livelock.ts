import { spawn, busy, now, exploring } from "racecourse";

// Two hungry diners share one spoon, and both are very polite: whoever holds
// the spoon hands it over whenever the other one is hungry too.
// table[0]: who holds the spoon (diner 0 or 1)
// table[1 + i]: 1 while diner i is hungry
const table = new Int32Array(new SharedArrayBuffer(12));
table[1] = 1;
table[2] = 1;

function diner(me: number, table: Int32Array, patience: number): string {
  const other = 1 - me;
  let handovers = 0;
  for (;;) {
    // Wait for the spoon.
    while (Atomics.load(table, 0) !== me) Atomics.wait(table, 0, other);
    busy(1); // look at the other diner, smile, apologise: a moment of work
    const otherIsHungry = Atomics.load(table, 1 + other) === 1;
    if (otherIsHungry && handovers < patience) {
      handovers++; // "After you!"
      Atomics.store(table, 0, other);
      Atomics.notify(table, 0);
      continue;
    }
    // Either nobody else wants the spoon, or patience has run out.
    const outcome = otherIsHungry ? "gave up and left hungry" : "ate";
    Atomics.store(table, 1 + me, 0);
    Atomics.store(table, 0, other);
    Atomics.notify(table, 0);
    return `diner ${me} ${outcome} after ${handovers} hand-overs`;
  }
}

// Each gives up after 300 hand-overs (3 when every interleaving is explored).
const PATIENCE = exploring ? 3 : 300;
const diners = [
  spawn(diner, 0, table, PATIENCE),
  spawn(diner, 1, table, PATIENCE),
];
for (const line of await Promise.all(diners.map((d) => d.join()))) {
  console.log(line);
}
const ms = Math.round(now());
const handovers = `${2 * PATIENCE} hand-overs`;
console.log(`${ms} ms and ${handovers}; nobody ate until someone gave up`);
