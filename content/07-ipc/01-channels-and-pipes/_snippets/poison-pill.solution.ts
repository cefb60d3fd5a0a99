import { spawn, Channel, sleep, exploring } from "racecourse";

// Main produces 20 jobs into a bounded queue; two consumer workers take them.
const JOBS = exploring ? 3 : 20; // 3 when every interleaving is explored
const jobs = new Channel<number>(5, "jobs");
const STOP = -1; // the sentinel (poison pill): not a job, a signal to stop

async function consumer(jobs: Channel<number>, stop: number) {
  let done = 0;
  for (;;) {
    const job = await jobs.recv();
    if (job === stop) break; // swallow the pill and stop
    await sleep(10 + (job ?? 0)); // do the job
    done++;
  }
  return done;
}

const consumers = [spawn(consumer, jobs, STOP), spawn(consumer, jobs, STOP)];
for (let job = 1; job <= JOBS; job++) await jobs.send(job);
// One pill per consumer: each consumer takes exactly one and stops.
for (const _ of consumers) await jobs.send(STOP);

const counts = await Promise.all(consumers.map((c) => c.join()));
console.log(`consumers did ${counts.join(" + ")} jobs`);
console.log(`all ${counts.reduce((a, b) => a + b, 0)} jobs done`);
