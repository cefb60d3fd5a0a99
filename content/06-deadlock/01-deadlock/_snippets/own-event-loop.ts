// A plain Worker, as you would write it by hand: the runtime does not manage this one.
import { now } from "racecourse";

const flag = new Int32Array(new SharedArrayBuffer(4));
const childSource = `
  onmessage = (event) => {
    const flag = event.data;
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };`;
const child = new Worker(URL.createObjectURL(new Blob([childSource], { type: "text/javascript" })));
child.postMessage(flag);
console.log(`main: sent the buffer at ${Math.round(now())} ms; now blocks until the child sets the flag`);
Atomics.wait(flag, 0, 0); // blocks this thread, and with it this thread's event loop
console.log("main: the child answered"); // never printed
