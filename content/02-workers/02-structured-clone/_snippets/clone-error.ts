import { spawn } from "racecourse";

// A function cannot be copied to another worker: this spawn fails at once.
const shout = (s: string) => s.toUpperCase() + "!";

const task = spawn((fmt: (s: string) => string) => fmt("hello"), shout);
console.log(await task.join());
