import { spawn } from "racecourse";

// A parcel, and a doorbell to say that it has come.
const parcel = new Int32Array(new SharedArrayBuffer(4)); // 1 once delivered
const bell = new Int32Array(new SharedArrayBuffer(4)); // rung with notify; stays 0
const timing = new Int32Array(new SharedArrayBuffer(4)); // makes the bad timing certain

function resident(parcel: Int32Array, bell: Int32Array, timing: Int32Array) {
  if (Atomics.load(parcel, 0) === 0) { // no parcel yet…
    Atomics.store(timing, 0, 1); // (the courier comes now,
    Atomics.notify(timing, 0);
    Atomics.wait(timing, 0, 1); // and rings before we are asleep)
    Atomics.wait(bell, 0, 0); // …so sleep until the bell rings
  }
  return `parcel: ${Atomics.load(parcel, 0)}`;
}

const task = spawn(resident, parcel, bell, timing);
Atomics.wait(timing, 0, 0); // (until the resident has looked)
Atomics.store(parcel, 0, 1); // deliver the parcel…
Atomics.notify(bell, 0); // …and ring: wakes whoever is asleep on the bell
Atomics.store(timing, 0, 2); // (now let the resident go on)
Atomics.notify(timing, 0);
console.log(`the resident says: ${await task.join()}`);
