import { test, expect } from '../fixtures.ts';
import { finish, lines, openHarness, run, start, waitForLine } from './harness.ts';

/**
 * Runs are prepared ahead of need (the host keeps a run worker booted, with
 * its hub and warm task workers), but each run must still start from fresh
 * state. These snippets try to leave something behind for the next run of
 * the same code on the same page: globals, prototypes, listeners, timers,
 * in `main`, in spawned tasks and in pool workers. The next run must see
 * none of it.
 */

test.beforeEach(async ({ page }) => openHarness(page));

const LEAKY = `import { spawn, Pool } from "racecourse";
const g = globalThis as any;
const seen = {
  global: typeof g.__leak,
  prototype: typeof (Array.prototype as any).__leak,
  builtin: typeof (Math as any).answer,
  listener: typeof g.onmessage,
};
console.log("main saw " + JSON.stringify(seen));
g.__leak = 1;
(Array.prototype as any).__leak = 1;
(Math as any).answer = 42;
addEventListener("message", () => console.log("an old listener ran"));
const task = spawn(() => {
  const g = globalThis as any;
  const saw = typeof g.__taskLeak + "," + typeof (Object.prototype as any).__taskLeak;
  g.__taskLeak = 1;
  (Object.prototype as any).__taskLeak = 1;
  return saw;
});
console.log("task saw " + (await task.join()));
// One pool worker runs both jobs: the second sees the first's global (a control that the check can see a leak).
const pool = new Pool(1);
const poolSaw = await pool.map(() => {
  const g = globalThis as any;
  const saw = typeof g.__poolLeak;
  g.__poolLeak = 1;
  return saw;
}, [1, 2]);
pool.close();
console.log("pool saw " + poolSaw.join(","));
`;

test('globals, prototypes and listeners set by a run, in main, tasks and pools, are gone in the next run of the same code', async ({ page }) => {
  const clean = 'main saw {"global":"undefined","prototype":"undefined","builtin":"undefined","listener":"object"}';
  for (let i = 1; i <= 3; i++) {
    const { result, events } = await run(page, LEAKY);
    expect(result.state, `run ${i}: ${lines(events).join(" | ")}`).toBe('done');
    const said = lines(events, 'log');
    expect(said[0], `run ${i} started from fresh globals in main`).toBe(clean);
    expect(said[1], `run ${i}: its task started fresh`).toBe('task saw undefined,undefined');
    expect(said[2], `run ${i}: its pool workers started fresh`).toBe('pool saw undefined,number');
    expect(said).not.toContain('an old listener ran');
  }
});

test("a timer left running by a stopped run never fires in the next run, in main or in a task", async ({ page }) => {
  await start(
    page,
    `import { spawn } from "racecourse";
setInterval(() => console.log("old main timer"), 20);
spawn(async () => { setInterval(() => console.log("old task timer"), 20); await new Promise(() => {}); });
await new Promise(() => {});`,
  );
  await waitForLine(page, /old task timer/);
  await page.evaluate(() => window.__runtimeHarness.stop());
  await finish(page);
  // The next run lasts 600 ms: thirty periods of the old timers.
  const { result, events } = await run(
    page,
    `import { spawn, sleep } from "racecourse";
await Promise.all([sleep(600), spawn(async () => { await sleep(600); }).join()]);
console.log("quiet");`,
  );
  expect(result.state).toBe('done');
  expect(lines(events)).toEqual(['quiet']);
});
