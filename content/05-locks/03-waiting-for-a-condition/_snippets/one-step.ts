import { spawn } from "racecourse";

// The same delivery, with the same bad timing. The resident now sleeps
// on the parcel cell itself: "if there is still no parcel, sleep".
const parcel = new Int32Array(new SharedArrayBuffer(4)); // 1 once delivered
const timing = new Int32Array(new SharedArrayBuffer(4)); // makes the bad timing certain

function resident(parcel: Int32Array, timing: Int32Array) {
  let slept = "did not check";
  while (Atomics.load(parcel, 0) === 0) { // no parcel yet…
    Atomics.store(timing, 0, 1); // (the courier comes now,
    Atomics.notify(timing, 0);
    Atomics.wait(timing, 0, 1); // and rings before we are asleep)
    slept = Atomics.wait(parcel, 0, 0); // …so sleep, if there is still none
  }
  return `parcel: ${Atomics.load(parcel, 0)}, the wait said ${slept}`;
}

const task = spawn(resident, parcel, timing);
Atomics.wait(timing, 0, 0); // (until the resident has looked)
Atomics.store(parcel, 0, 1); // deliver the parcel…
Atomics.notify(parcel, 0); // …and wake whoever sleeps on it
Atomics.store(timing, 0, 2); // (now let the resident go on)
Atomics.notify(timing, 0);
console.log(`the resident says: ${await task.join()}`);
