import { spawn, busy, cores } from "racecourse";

// One worker per core, each computing for 500 ms.
const tasks = Array.from({ length: cores }, () => spawn(() => busy(500)));
await Promise.all(tasks.map((task) => task.join()));
console.log(`done: ${cores} workers × 500 ms computing`);
