import { sleep, now } from "racecourse";

// Three "downloads" that each wait 300 ms. Started together, they wait together.
async function download(name: string): Promise<void> {
  await sleep(300);
  console.log(`${name} finished at ${Math.round(now())} ms`);
}

await Promise.all([download("a"), download("b"), download("c")]);
// Expect all three near 300 ms, not 900 ms: one worker, three overlapping waits.
