import { busy, sleep, now } from "racecourse";

// A clock that should tick every 10 ms shares a worker with 200 ms of
// computing, done in 20 slices. How late is the clock, with and without
// yielding between the slices?
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
    if (yieldBetweenSlices) await sleep(0); // let others waiting run
  }
  running = false;
  await clock;
  return latest;
}

const without = Math.round(await measure(false));
console.log(`without yielding: the clock was up to ${without} ms late`);
const yielding = Math.round(await measure(true));
console.log(`yielding between slices: up to ${yielding} ms late`);
