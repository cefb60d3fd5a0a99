import { spawn, Mutex, sleepSync } from "racecourse";

// Five philosophers round a table, one fork between each pair of
// neighbours. To eat, a philosopher needs both forks next to it.
const forks = Array.from({ length: 5 }, (_, i) => new Mutex(`fork ${i + 1}`));
const seated = new Int32Array(new SharedArrayBuffer(4));

function philosopher(
  seat: number,
  left: Mutex,
  right: Mutex,
  seated: Int32Array,
) {
  // Wait until all five are seated: they all reach for the forks together.
  Atomics.add(seated, 0, 1);
  Atomics.notify(seated, 0);
  for (let n = Atomics.load(seated, 0); n < 5; n = Atomics.load(seated, 0)) {
    Atomics.wait(seated, 0, n);
  }

  for (let meal = 1; meal <= 3; meal++) {
    left.lock();
    sleepSync(50); // reaching for the second fork takes a moment
    right.lock();
    sleepSync(10); // eat
    right.unlock();
    left.unlock();
  }
  console.log(`philosopher ${seat} has eaten 3 times`);
}

// Philosopher n sits between fork n (left) and fork n + 1 (right);
// philosopher 5 has fork 5 on the left and fork 1 on the right.
const table = forks.map((left, i) =>
  spawn(philosopher, i + 1, left, forks[(i + 1) % 5]!, seated),
);
await Promise.all(table.map((p) => p.join()));
console.log("all 5 philosophers have eaten 3 times");
