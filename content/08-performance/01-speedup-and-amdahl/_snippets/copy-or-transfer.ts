import { spawn, now } from "racecourse";

// A worker that answers every message with the size of what arrived.
const echo = spawn(async () => {
  await new Promise<void>((resolve) => {
    let seen = 0;
    onmessage = (event: MessageEvent<ArrayBuffer>) => {
      postMessage(event.data.byteLength);
      if (++seen === 3) resolve();
    };
  });
});
const reply = () => new Promise<number>((resolve) => (echo.onmessage = (event) => resolve(event.data as number)));

// First a one-byte message, untimed: once it is answered, the worker has started
// and is listening, so its start-up is in neither of the timings below.
echo.postMessage(new ArrayBuffer(1));
await reply();

const MB = 1024 * 1024;
let start = now();
echo.postMessage(new ArrayBuffer(64 * MB)); // copied: the browser clones all 64 MB
await reply();
console.log(`copy:     ${(now() - start).toFixed(1)} ms`);

const buffer = new ArrayBuffer(64 * MB);
start = now();
echo.postMessage(buffer, [buffer]); // transferred: ownership moves, nothing is copied
await reply();
console.log(`transfer: ${(now() - start).toFixed(1)} ms; the sender now holds ${buffer.byteLength} bytes`);
await echo.join();
