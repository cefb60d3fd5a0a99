import { spawn } from "racecourse";

// The worker sums a big array of samples. Sending it copies all of it.
const sum = spawn(async () => {
  const samples = await new Promise<Float64Array>((resolve) => {
    onmessage = (event: MessageEvent<ArrayBuffer>) => resolve(new Float64Array(event.data));
  });
  let total = 0;
  for (const value of samples) total += value;
  return total;
});

const samples = new Float64Array(4_000_000).fill(0.5);
sum.postMessage(samples.buffer);
console.log(`sum = ${await sum.join()}`);
console.log(`after sending, main holds ${samples.buffer.byteLength} bytes`);
