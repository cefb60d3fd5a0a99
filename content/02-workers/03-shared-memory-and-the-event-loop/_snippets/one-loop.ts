import { busy, sleep, now } from "racecourse";

// Three async tasks on ONE worker, each doing three 100 ms slices of CPU work.
async function crunch(name: string): Promise<void> {
  for (let slice = 1; slice <= 3; slice++) {
    const start = now();
    busy(100); // JavaScript running: nothing else on this worker can run now
    console.log(`${name} slice ${slice}: ${Math.round(start)}–${Math.round(now())} ms`);
    await sleep(0); // give the event loop a turn: another task may run next
  }
}

await Promise.all([crunch("A"), crunch("B"), crunch("C")]);
console.log(`9 slices of 100 ms took ${Math.round(now())} ms on one worker`);
