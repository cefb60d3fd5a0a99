import { busy, sleep, now } from "racecourse";

// A clock that should tick every 10 ms, on the same worker as a long computation
// done in 20 slices of 10 ms. How late is the clock, with and without yielding?
async function measure(yieldBetweenSlices: boolean): Promise<number> {
  let latest = 0;
  let running = true;
  const clock = (async () => {
    while (running) {
      const due = now() + 10;
      await sleep(10);
      latest = Math.max(latest, now() - due);
    }
  })();
  for (let slice = 0; slice < 20; slice++) {
    busy(10); // 10 ms of computing
    if (yieldBetweenSlices) await sleep(0); // let anything else that is waiting run
  }
  running = false;
  await clock;
  return latest;
}

console.log(`without yielding: the clock was up to ${Math.round(await measure(false))} ms late`);
console.log(`yielding between slices: up to ${Math.round(await measure(true))} ms late`);
