import { spawn, Mutex, exploring } from "racecourse";

// A shelf of loaves, guarded by a lock, and a condition variable for
// "the shelf is not empty": a counter that each notification moves on.
const shelf = new Int32Array(new SharedArrayBuffer(4)); // loaves on the shelf
const notEmpty = new Int32Array(new SharedArrayBuffer(4)); // the condition variable
const shelfLock = new Mutex("shelf"); // guards shelf[0]
const LOAVES = exploring ? 1 : 20_000; // for each customer; 1 when explored

function customer(shelf: Int32Array, notEmpty: Int32Array, lock: Mutex, loaves: number) {
  let fromEmpty = 0;
  for (let i = 0; i < loaves; i++) {
    lock.lock();
    while (shelf[0] === 0) { // look again after every wake-up
      const seen = Atomics.load(notEmpty, 0); // note the counter first…
      lock.unlock();
      Atomics.wait(notEmpty, 0, seen); // …so a notification since is not lost
      lock.lock();
    }
    if (shelf[0] === 0) fromEmpty++; // a loaf taken from an empty shelf
    shelf[0] = shelf[0]! - 1;
    lock.unlock();
  }
  return fromEmpty;
}

const customers = [1, 2].map(() => spawn(customer, shelf, notEmpty, shelfLock, LOAVES));
let dough = 0;
for (let i = 0; i < 2 * LOAVES; i++) { // main is the baker
  for (let k = 0; k < 300; k++) dough = (dough * 31 + k) | 0; // knead a loaf
  shelfLock.lock();
  shelf[0] = shelf[0]! + 1; // put a loaf on the shelf…
  Atomics.add(notEmpty, 0, 1); // …and notify one waiting customer
  Atomics.notify(notEmpty, 0, 1);
  shelfLock.unlock();
}
const fromEmpty = await Promise.all(customers.map((c) => c.join()));
console.log(`loaves left on the shelf: ${shelf[0]}`);
console.log(`loaves taken from an empty shelf: ${fromEmpty[0]! + fromEmpty[1]!}`);
