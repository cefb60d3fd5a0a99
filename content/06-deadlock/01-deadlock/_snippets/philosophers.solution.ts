import { spawn, Mutex, sleepSync, exploring } from "racecourse";

// Five philosophers round a table, one fork between each pair of
// neighbours. To eat, a philosopher needs both forks next to it.
// (When every interleaving is explored: a table of 2, one meal each.)
const SEATS = exploring ? 2 : 5;
const MEALS = exploring ? 1 : 3;
const forks = Array.from(
  { length: SEATS },
  (_, i) => new Mutex(`fork ${i + 1}`),
);
const seated = new Int32Array(new SharedArrayBuffer(4));

function philosopher(
  seat: number,
  left: Mutex,
  right: Mutex,
  seated: Int32Array,
  seats: number,
  meals: number,
) {
  // Wait until all are seated: they all reach for the forks together.
  Atomics.add(seated, 0, 1);
  Atomics.notify(seated, 0);
  for (let n = Atomics.load(seated, 0); n < seats; n = Atomics.load(seated, 0)) {
    Atomics.wait(seated, 0, n);
  }

  // One order for everyone: the fork with the lower number first. For
  // philosophers 1 to 4 that is still the left fork; philosopher 5 now
  // starts with fork 1, on its right.
  const [first, second] =
    left.name < right.name ? [left, right] : [right, left];
  for (let meal = 1; meal <= meals; meal++) {
    first.lock();
    sleepSync(50); // reaching for the second fork takes a moment
    second.lock();
    sleepSync(10); // eat
    second.unlock();
    first.unlock();
  }
  console.log(`philosopher ${seat} has eaten ${meals} times`);
}

// Philosopher n sits between fork n (left) and fork n + 1 (right);
// philosopher 5 has fork 5 on the left and fork 1 on the right.
const table = forks.map((left, i) => {
  const right = forks[(i + 1) % SEATS]!;
  return spawn(philosopher, i + 1, left, right, seated, SEATS, MEALS);
});
await Promise.all(table.map((p) => p.join()));
console.log(`all ${SEATS} philosophers have eaten ${MEALS} times`);
