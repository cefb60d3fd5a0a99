import { sleep, now } from "racecourse";

// A timer due at once: it fires as a task, when the event loop next takes one.
setTimeout(() => console.log(`the timer fires at ${Math.round(now())} ms`), 0);

// A million awaits that never really wait.
for (let i = 0; i < 1_000_000; i++) {
  await Promise.resolve(); // resumes as a microtask
}
console.log(`a million awaits done at ${Math.round(now())} ms, and the timer has not fired`);

await sleep(0); // a timer of our own: now the event loop takes tasks again
console.log(`after await sleep(0), at ${Math.round(now())} ms`);
