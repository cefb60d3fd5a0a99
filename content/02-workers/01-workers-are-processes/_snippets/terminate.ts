import { spawn, sleep, busy } from "racecourse";

// A task that never finishes on its own: it keeps a core busy forever.
const runaway = spawn(() => {
  for (;;) busy(50);
});

await sleep(300); // let it run for a while
runaway.terminate(); // Python: p.terminate()

try {
  await runaway.join();
} catch (error) {
  const e = error as Error;
  console.log(`join() rejected: ${e.name}: ${e.message}`);
}
console.log("the main worker is fine and the run can end");
