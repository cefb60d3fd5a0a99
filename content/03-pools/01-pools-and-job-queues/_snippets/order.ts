import { Pool, sleep, now } from "racecourse";

// Six jobs of different lengths.
const jobs = [
  { name: "A", ms: 500 },
  { name: "B", ms: 100 },
  { name: "C", ms: 300 },
  { name: "D", ms: 50 },
  { name: "E", ms: 200 },
  { name: "F", ms: 400 },
];

async function work(job: { name: string; ms: number }) {
  await sleep(job.ms);
  return job.name;
}

const pool = new Pool(6);

// 1. map: all results at once, in input order, after the slowest job.
const t0 = now();
const inOrder = await pool.map(work, jobs);
console.log(`map, after ${Math.round(now() - t0)} ms: ${inOrder.join(" ")}`);

// 2. submit each job; handle each result the moment it arrives.
const t1 = now();
const asCompleted: string[] = [];
await Promise.all(
  jobs.map((job) =>
    pool.submit(work, job).then((name) => {
      asCompleted.push(name);
      console.log(`  ${name} done after ${Math.round(now() - t1)} ms`);
    }),
  ),
);
console.log(`as completed: ${asCompleted.join(" ")}`);
await pool.close();
