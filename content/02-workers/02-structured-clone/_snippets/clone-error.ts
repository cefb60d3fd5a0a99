import { spawn } from "racecourse";

// A function cannot be copied into another worker, so this spawn fails at once.
const shout = (s: string) => s.toUpperCase() + "!";

const task = spawn((format: (s: string) => string) => format("hello"), shout);
console.log(await task.join());
