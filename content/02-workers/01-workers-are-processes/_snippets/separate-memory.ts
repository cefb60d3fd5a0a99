import { spawn } from "racecourse";

// One object, and a task that changes "it". Which copy changes?
const scores = { alice: 1, bob: 1 };

const task = spawn((s: { alice: number; bob: number }) => {
  s.alice = 100; // changes the worker's own copy
  (globalThis as Record<string, unknown>).secret = "set in the worker";
  return s;
}, scores);

const returned = await task.join();
console.log("main still has     ", JSON.stringify(scores));
console.log("the task sent back ", JSON.stringify(returned));
console.log("same object?       ", returned === scores);
console.log("main sees secret?  ", "secret" in globalThis);
