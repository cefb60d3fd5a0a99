import { test, expect } from '../fixtures.ts';
import type { Page } from '@playwright/test';
import { finish, lines, mainThreadWhile, openHarness, run, start, states, system, tasks, waitForEvent, waitForLine } from './harness.ts';

/** Limits and failure behaviour, including hostile snippets. */

test.beforeEach(async ({ page }) => openHarness(page));

/**
 * The ids of the worker targets the browser reports (the run's workers live in the runtime frame).
 * After a Stop the runner prepares the next run at once, whose workers are new targets: a test
 * takes the ids while its run is going, and waits for those to be gone, not for a count of zero.
 */
async function workerTargets(page: Page): Promise<Set<string>> {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  return new Set(targetInfos.filter((target) => target.type === 'worker').map((target) => target.targetId));
}

/** How many of `ids` are still alive. */
async function stillAlive(page: Page, ids: Set<string>): Promise<number> {
  const now = await workerTargets(page);
  return [...ids].filter((id) => now.has(id)).length;
}

/**
 * The page stays responsive: over 300 ms of its own timers, no task on its main thread took 200 ms
 * or more. (Timer lateness is printed on failure; it grows with machine load, tasks do not.)
 */
async function expectResponsive(page: Page): Promise<void> {
  const { longestTaskMs, timerLagMs } = await mainThreadWhile(page, 300);
  expect(longestTaskMs, `longest main-thread task; timer lag ${timerLagMs.toFixed(0)} ms`).toBeLessThan(200);
}

async function stopAndTime(page: Page): Promise<{ state: string; ms: number }> {
  return page.evaluate(async () => {
    const t0 = performance.now();
    window.__runtimeHarness.stop();
    const result = await window.__runtimeHarness.result();
    return { state: result.state, ms: performance.now() - t0 };
  });
}

test('syntax error: state error, a system line with line and column, no worker started', async ({ page }) => {
  const { result, events } = await run(page, `const a = 1;\nconst b = (a + ;\nconsole.log(b);`);
  expect(result.state).toBe('error');
  expect(system(events)[0]).toMatch(/^SyntaxError: .*\(line 2, column \d+\)/);
  expect(result.totals.workers).toBe(0);
  expect(tasks(events)).toEqual([]);
  expect(states(events)).toEqual([]);
});

test('uncaught error in the snippet: state error, message and snippet line', async ({ page }) => {
  const { result, events } = await run(page, `console.log("before");\n\nnull!.toString();\nconsole.log("after");`);
  expect(result.state).toBe('error');
  expect(lines(events, 'log')).toEqual(['before']);
  expect(system(events)[0]).toMatch(/^Uncaught TypeError: Cannot read properties of null .*\(line 3, in main\)/);
  if (result.state === 'error') expect(result.error.line).toBe(3);
});

test('unhandled rejection in the snippet: state error with the message and line', async ({ page }) => {
  const { result, events } = await run(page, `setTimeout(() => {\n  Promise.reject(new Error("nobody caught me"));\n}, 10);`);
  expect(result.state).toBe('error');
  expect(system(events)[0]).toMatch(/^Uncaught \(in promise\) Error: nobody caught me \(line 2, in main\)/);
});

test('uncaught error in a task (thrown after its function returned): state error naming the task and line', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn, sleep } from "racecourse";
const t = spawn(() => {
  setTimeout(() => { throw new Error("late failure"); }, 5);
  onmessage = () => {};
});
await t.join();
await sleep(2000);`,
  );
  expect(result.state).toBe('error');
  expect(system(events)[0]).toMatch(/^Uncaught Error: late failure \(line 3, in worker-1\)/);
});

test('a task that fails and is never joined fails the run, with its message and line', async ({ page }) => {
  const { result, events } = await run(page, `import { spawn } from "racecourse";\nspawn(() => {\n  throw new Error("ignored");\n});`);
  expect(result.state).toBe('error');
  expect(system(events).join('\n')).toMatch(/worker-1 failed and was never joined: Error: ignored \(line 3, in worker-1\)/);
});

test('runaway snippet: the page stays responsive, Stop ends everything within 200 ms', async ({ page }) => {
  await start(page, `console.log("spinning");\nwhile (true) {}`);
  await waitForLine(page, /spinning/);
  await expectResponsive(page);
  const running = await workerTargets(page);
  expect(running.size, 'the run has workers to end').toBeGreaterThan(0);
  const stopped = await stopAndTime(page);
  expect(stopped.state).toBe('stopped');
  expect(stopped.ms).toBeLessThan(200);
  // A spinning worker is ended with its frame's process, which a busy machine takes a while to reap.
  await expect.poll(() => stillAlive(page, running), { timeout: 10_000, intervals: [20] }).toBe(0);
});

test('runaway task: Stop ends it within 200 ms and its process, with every thread of the run, is gone', async ({ page, browser }) => {
  await start(page, `import { spawn } from "racecourse";\nspawn(() => { console.log("task spinning"); while (true) {} });\nspawn(() => { while (true) {} });`);
  await waitForLine(page, /task spinning/);
  await waitForEvent(page, { type: 'state', task: 'worker-2', state: 'running' });
  await expectResponsive(page);
  // The run's process: the renderer whose CPU time grows while the two tasks spin (the runtime
  // frame is a process of its own, apart from the page's). Found by measuring, not assumed.
  const cdp = await browser.newBrowserCDPSession();
  const cpuByProcess = async () => {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    return new Map(processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));
  };
  const before = await cpuByProcess();
  await mainThreadWhile(page, 300);
  const during = await cpuByProcess();
  const growth = [...during].map(([id, cpu]) => ({ id, spent: cpu - (before.get(id) ?? cpu) })).sort((a, b) => b.spent - a.spent);
  const runProcess = growth[0];
  expect(runProcess?.spent ?? 0, `renderers' CPU growth while spinning: ${JSON.stringify(growth)}`).toBeGreaterThan(0);

  const running = await workerTargets(page);
  expect(running.size, 'the run has workers to end').toBeGreaterThan(0);
  const stopped = await stopAndTime(page);
  expect(stopped.state).toBe('stopped');
  expect(stopped.ms).toBeLessThan(200);
  await expect.poll(() => stillAlive(page, running), { timeout: 10_000, intervals: [20] }).toBe(0);
  // It stops burning CPU because it no longer exists: the frame's process has exited. (A Stop that
  // only terminated the workers would leave it, and Chromium lets busy workers run on for seconds.)
  await expect
    .poll(async () => (await cpuByProcess()).has(runProcess!.id), { timeout: 10_000, intervals: [20], message: `process ${runProcess!.id} still alive` })
    .toBe(false);
  await cdp.detach();
  // The page, a different process, is alive and answering.
  await expectResponsive(page);
});

test('time limit: a declared limit ends the run as timeout with a system line; the default is 10 s', async ({ page }) => {
  const { result, events } = await run(page, `// @time-limit 1s\nwhile (true) {}`);
  expect(result.state).toBe('timeout');
  expect(system(events).join('\n')).toMatch(/Time limit reached: the run was stopped after 1 s/);
  // Ended by the declared 1 s, not the default 10 s: the upper bound leaves room for a busy machine
  // to deliver the limit's timer late, and is still far from 10 s.
  expect(result.totals.wallMs).toBeGreaterThanOrEqual(950);
  expect(result.totals.wallMs).toBeLessThan(2_500);
  await start(page, `console.log(1)`);
  const started = await waitForEvent(page, { type: 'run' });
  expect(started.type === 'run' && started.timeLimitMs).toBe(10_000);
  await finish(page);
});

test('more than 64 live workers: spawn throws a clear error, and the run goes on', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn, Semaphore } from "racecourse";
const hold = new Semaphore(0);
const live = [];
try {
  for (let i = 0; i < 100; i++) live.push(spawn((s: Semaphore) => s.acquire(), hold));
} catch (e: any) {
  console.log(live.length, e.name, e.message);
}
for (const _ of live) hold.release();
await Promise.all(live.map((t) => t.join()));
console.log("after", spawn(() => 1).name);`,
    { timeLimitMs: 60_000 },
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  const [first, second] = lines(events);
  expect(first).toMatch(/^64 WorkerLimitError Too many workers: this run already has 64 live workers/);
  expect(second).toBe('after worker-65');
  await expectResponsive(page);
});

test('200 spawns in one run (at most 50 alive at a time) all complete', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn } from "racecourse";
let total = 0, last = "";
for (let batch = 0; batch < 4; batch++) {
  const tasks = Array.from({ length: 50 }, (_, i) => spawn((n: number) => n, batch * 50 + i));
  last = tasks[49]!.name;
  total += (await Promise.all(tasks.map((t) => t.join()))).length;
}
console.log(total, last);`,
    { timeLimitMs: 60_000 },
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(lines(events)).toEqual(['200 worker-200']);
  expect(result.totals.workers).toBe(201);
});

test('output flood: a million console.log calls keep the page responsive, are capped, and the drop is reported', async ({ page }) => {
  await start(page, `for (let i = 0; i < 1_000_000; i++) console.log("line", i);\nconsole.log("never shown");`);
  // Watch the page's main thread from the start of the flood to the end of the run.
  const mainThread = await mainThreadWhile(page, 200, true);
  const { result, events } = await finish(page);
  expect(result.state).toBe('done');
  const logs = lines(events, 'log');
  expect(logs.length).toBe(2_000);
  expect(logs[0]).toBe('line 0');
  expect(logs[1_999]).toBe('line 1999');
  expect(system(events).join('\n')).toMatch(/998,001 more lines were dropped/);
  expect(mainThread.longestTaskMs, `timer lag ${mainThread.timerLagMs.toFixed(0)} ms`).toBeLessThan(200);
});

test('a new Run stops the old one first', async ({ page }) => {
  await start(page, `console.log("old");\nwhile (true) {}`);
  await waitForLine(page, /old/);
  const firstResult = page.evaluate(() => window.__runtimeHarness.result());
  const { result, events } = await run(page, `console.log("new")`);
  expect((await firstResult).state).toBe('stopped');
  expect(result.state).toBe('done');
  expect(lines(events)).toEqual(['new']);
});
