// @time-limit 20s
import { spawn, Mutex } from "racecourse";

// The same 2 × 200,000 additions, four ways. Each worker times its
// loop from the start line; we report the slower of the two workers.
type Way = "no lock" | "Atomics.add" | "Mutex" | "local, then once";

function addOnes(shared: Int32Array, lock: Mutex, way: Way, times: number) {
  Atomics.add(shared, 1, 1); // start line for the two workers
  Atomics.notify(shared, 1);
  for (let n; (n = Atomics.load(shared, 1)) < 2; ) {
    Atomics.wait(shared, 1, n);
  }

  const start = performance.now();
  if (way === "no lock") {
    for (let i = 0; i < times; i++) shared[0]!++;
  } else if (way === "Atomics.add") {
    for (let i = 0; i < times; i++) Atomics.add(shared, 0, 1);
  } else if (way === "Mutex") {
    for (let i = 0; i < times; i++) {
      lock.lock();
      shared[0]!++;
      lock.unlock();
    }
  } else {
    let mine = 0;
    for (let i = 0; i < times; i++) mine++;
    Atomics.add(shared, 0, mine); // one shared update per worker
  }
  return performance.now() - start;
}

const ways: Way[] = ["no lock", "Atomics.add", "Mutex", "local, then once"];
for (const way of ways) {
  const shared = new Int32Array(new SharedArrayBuffer(8)); // [count, arrived]
  const lock = new Mutex();
  const tasks = [
    spawn(addOnes, shared, lock, way, 200_000),
    spawn(addOnes, shared, lock, way, 200_000),
  ];
  const times = await Promise.all(tasks.map((task) => task.join()));
  const ms = Math.max(...times).toFixed(1);
  console.log(`${way.padEnd(16)}  count = ${shared[0]}  in ${ms} ms`);
}
