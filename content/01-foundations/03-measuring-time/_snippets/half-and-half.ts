import { busy, sleep } from "racecourse";

// Five rounds of: compute for 100 ms, then wait for 100 ms.
for (let round = 1; round <= 5; round++) {
  busy(100);
  await sleep(100);
}
console.log("done: 500 ms computing, 500 ms waiting");
