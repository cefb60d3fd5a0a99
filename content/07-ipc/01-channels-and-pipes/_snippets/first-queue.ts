import { spawn, Channel, sleep, now } from "racecourse";

// A queue with room for 3 items: Python's multiprocessing.Queue(maxsize=3).
const jobs = new Channel<number>(3, "jobs");

// The producer runs in its own worker and is fast.
const producer = spawn(async (jobs: Channel<number>) => {
  for (let n = 1; n <= 8; n++) {
    await jobs.send(n); // waits while the queue is full
    console.log(`put ${n} at ${Math.round(now())} ms`);
  }
  jobs.close(); // no more items will come
}, jobs);

// The consumer (main) is slow: 100 ms per item.
for await (const n of jobs) {
  await sleep(100);
  console.log(`    done with ${n} at ${Math.round(now())} ms`);
}
await producer.join();
console.log("the queue is closed and empty");
