import { spawn, busy, cores, now } from "racecourse";

// The same CPU-bound job on as many workers as there are cores.
const tasks = Array.from({ length: cores }, () => spawn(() => busy(500)));
await Promise.all(tasks.map((task) => task.join()));
console.log(`${cores} × 500 ms of work took ${Math.round(now())} ms of wall time.`);
