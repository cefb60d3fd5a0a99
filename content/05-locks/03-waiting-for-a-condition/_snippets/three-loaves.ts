import { spawn, sleep, Mutex } from "racecourse";

// A shelf, guarded by a lock, and a condition variable: a counter that
// the baker moves on each time the shelf changes, and notifies.
const shelf = new Int32Array(new SharedArrayBuffer(4)); // loaves on the shelf
const changed = new Int32Array(new SharedArrayBuffer(4)); // the condition variable
const shelfLock = new Mutex("shelf"); // guards shelf[0]

// The customer wants three loaves at once.
function customer(shelf: Int32Array, changed: Int32Array, lock: Mutex) {
  lock.lock();
  while (shelf[0]! < 3) {
    console.log(`customer: ${shelf[0]} on the shelf, so I wait`);
    const seen = Atomics.load(changed, 0); // note the counter…
    lock.unlock(); // …give up the lock…
    Atomics.wait(changed, 0, seen); // …and sleep, unless it has moved since
    lock.lock(); // woken: take the lock back, then look again
  }
  shelf[0] = shelf[0]! - 3;
  lock.unlock();
}

const task = spawn(customer, shelf, changed, shelfLock);
for (let loaf = 1; loaf <= 3; loaf++) {
  await sleep(100); // baking
  shelfLock.withLock(() => {
    shelf[0] = shelf[0]! + 1;
    Atomics.add(changed, 0, 1); // the shelf changed:
    Atomics.notify(changed, 0); // wake everyone waiting on it
  });
}
await task.join();
console.log(`the customer took 3 loaves; ${shelf[0]} left`);
