import { spawn } from "racecourse";

const greeting = "hello"; // lives in the main worker

// Only the function's source travels. In the new worker, `greeting`
// does not exist.
const task = spawn(() => `${greeting} from another worker`);
console.log(await task.join());
