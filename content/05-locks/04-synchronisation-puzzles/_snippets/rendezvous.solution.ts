import { spawn, Semaphore, exploring } from "racecourse";

// Two workers, two steps each, round after round. In every round, each
// worker's step 2 must come after both workers' step 1.
const ROUNDS = exploring ? 2 : 1_000; // 2 when every interleaving is explored
const step1 = new Int32Array(new SharedArrayBuffer(8)); // the last round whose step 1 each did
const aArrived = new Semaphore(0, "A arrived");
const bArrived = new Semaphore(0, "B arrived");

function worker(me: number, step1: Int32Array, mine: Semaphore, theirs: Semaphore, rounds: number) {
  let tooSoon = 0;
  for (let round = 1; round <= rounds; round++) {
    Atomics.store(step1, me, round); // step 1
    mine.release(); // say "I have done step 1"…
    theirs.acquire(); // …then wait until the other has said it too
    if (Atomics.load(step1, 1 - me) < round) tooSoon++; // step 2
  }
  return tooSoon;
}

const a = spawn(worker, 0, step1, aArrived, bArrived, ROUNDS);
const b = spawn(worker, 1, step1, bArrived, aArrived, ROUNDS);
const tooSoon = (await a.join()) + (await b.join());
console.log(`steps 2 taken before the other's step 1: ${tooSoon}`);
