import { busy, sleep, now } from "racecourse";

// Three async tasks on ONE worker, each doing three 100 ms slices of work.
async function crunch(name: string): Promise<void> {
  for (let slice = 1; slice <= 3; slice++) {
    const start = Math.round(now());
    busy(100); // running JavaScript: nothing else on this worker can run
    console.log(`${name} slice ${slice}: ${start}–${Math.round(now())} ms`);
    await sleep(0); // a turn for the event loop: another task may go next
  }
}

await Promise.all([crunch("A"), crunch("B"), crunch("C")]);
console.log(`9 slices of 100 ms took ${Math.round(now())} ms on one worker`);
