import { now } from "racecourse";

// Waits `ms`, unless the signal is aborted first.
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

const controller = new AbortController();
setTimeout(() => controller.abort(), 250); // the user presses Cancel

try {
  for (let page = 1; page <= 5; page++) {
    await wait(100, controller.signal); // "download" one page
    console.log(`page ${page} at ${Math.round(now())} ms`);
  }
  console.log("all 5 pages");
} catch (error) {
  console.log(`cancelled at ${Math.round(now())} ms: ${(error as Error).name}`);
}
