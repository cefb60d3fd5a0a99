import { now } from "racecourse";

const flag = new Int32Array(new SharedArrayBuffer(4));
const childSource = `
  onmessage = (event) => {
    const flag = event.data;
    postMessage("got it"); // acknowledge first…
    setTimeout(() => {     // …then do the work a little later
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    }, 100);
  };`;
const blob = new Blob([childSource], { type: "text/javascript" });
const child = new Worker(URL.createObjectURL(blob));
child.postMessage(flag);
// The fix: wait for the acknowledgement with the event loop free
// (await, not Atomics.wait).
await new Promise((resolve) => (child.onmessage = resolve));
console.log("main: the child has the buffer; now blocking is safe");
Atomics.wait(flag, 0, 0);
console.log(`main: the child set the flag at ${Math.round(now())} ms`);
child.terminate();
