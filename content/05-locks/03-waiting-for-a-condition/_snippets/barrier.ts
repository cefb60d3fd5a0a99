import { spawn, exploring } from "racecourse";

// Each round, every worker writes its cell, then reads everyone's.
// A barrier between the two makes sure nobody reads a cell too early.
const WORKERS = exploring ? 2 : 4;
const ROUNDS = exploring ? 2 : 1_000;
const cells = new Int32Array(new SharedArrayBuffer(4 * WORKERS));
const barrier = new Int32Array(new SharedArrayBuffer(8)); // [arrived, generation]

function worker(cells: Int32Array, barrier: Int32Array, me: number, parties: number, rounds: number) {
  function arriveAndWait() {
    const generation = Atomics.load(barrier, 1); // which use of the barrier this is
    if (Atomics.add(barrier, 0, 1) === parties - 1) {
      // The last to arrive: reset the count for next time, then open.
      Atomics.store(barrier, 0, 0);
      Atomics.add(barrier, 1, 1);
      Atomics.notify(barrier, 1);
    } else {
      // Sleep until the generation moves on (at once if it has already).
      while (Atomics.load(barrier, 1) === generation) Atomics.wait(barrier, 1, generation);
    }
  }
  let stale = 0; // reads that saw another round's value
  for (let round = 1; round <= rounds; round++) {
    Atomics.store(cells, me, round); // write…
    arriveAndWait();
    for (let i = 0; i < parties; i++) if (Atomics.load(cells, i) !== round) stale++;
    arriveAndWait(); // …and nobody writes the next round before all have read
  }
  return stale;
}

const tasks = Array.from({ length: WORKERS }, (_, me) => spawn(worker, cells, barrier, me, WORKERS, ROUNDS));
const stale = (await Promise.all(tasks.map((t) => t.join()))).reduce((a, b) => a + b, 0);
console.log(`${WORKERS} workers, ${ROUNDS} rounds`);
console.log(`reads that saw another round's value: ${stale}`);
