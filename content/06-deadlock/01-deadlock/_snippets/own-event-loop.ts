// @time-limit 3s
// A plain Worker, written by hand: the runtime does not manage this one.
import { now } from "racecourse";

const flag = new Int32Array(new SharedArrayBuffer(4));
const childSource = `
  onmessage = (event) => {
    const flag = event.data;
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };`;
const blob = new Blob([childSource], { type: "text/javascript" });
const child = new Worker(URL.createObjectURL(blob));
child.postMessage(flag);
console.log(`main: sent the buffer at ${Math.round(now())} ms`);
console.log("main: now blocks until the child sets the flag");
Atomics.wait(flag, 0, 0); // blocks this thread, and its event loop with it
console.log("main: the child answered"); // never printed
