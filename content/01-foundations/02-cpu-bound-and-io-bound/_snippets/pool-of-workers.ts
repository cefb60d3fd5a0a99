import { Pool, busy, sleep, cores, now } from "racecourse";

// The same jobs again, on a pool of one worker per core.
const pool = new Pool(cores);
await pool.map((i) => i, [...Array(cores).keys()]); // start every worker first

let start = now();
await pool.map(async () => { await sleep(250); }, [1, 2, 3, 4]);
console.log(`4 waiting jobs:   ${Math.round(now() - start)} ms`);

start = now();
await pool.map(() => busy(250), [1, 2, 3, 4]);
console.log(`4 computing jobs: ${Math.round(now() - start)} ms`);
console.log(`(on ${cores} workers)`);

await pool.close();
