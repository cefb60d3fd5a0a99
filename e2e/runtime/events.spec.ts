import { test, expect } from '../fixtures.ts';
import type { TaskEvent } from '../../src/shared/protocol/index.ts';
import { finish, lines, openHarness, run, start, states, system, tasks, waitForLine } from './harness.ts';

/** What a run reports, while it runs. */

test.beforeEach(async ({ page }) => openHarness(page));

test('events stream while the run goes on, not only at the end', async ({ page }) => {
  await start(page, `import { busy } from "racecourse";\nconsole.log("first");\nbusy(1500);\nconsole.log("second");`);
  const first = await waitForLine(page, /^first$/);
  expect(await page.evaluate(() => window.__runtimeHarness.state)).toBe('running');
  const { result, events } = await finish(page);
  expect(result.state).toBe('done');
  expect(lines(events)).toEqual(['first', 'second']);
  // Each line is stamped when it was logged, not when it was delivered: busy(1500) keeps the wall
  // clock between them on any machine, however loaded.
  const second = events.find((e) => e.type === 'console' && e.text === 'second');
  expect((second?.t ?? 0) - first.t).toBeGreaterThanOrEqual(1_490);
});

test('each task reports spawned, started and finished / failed / terminated, with times in order', async ({ page }) => {
  const { events } = await run(
    page,
    `import { spawn, sleep } from "racecourse";
const ok = spawn(async () => { await sleep(20); return 1; });
const bad = spawn(() => { throw new Error("no"); });
const running = new Int32Array(new SharedArrayBuffer(4));
const stuck = spawn((flag: Int32Array) => { Atomics.store(flag, 0, 1); Atomics.notify(flag, 0); while (true) {} }, running);
await ok.join();
await bad.join().catch(() => {});
const started = Atomics.waitAsync(running, 0, 0);
if (started.async) await started.value;
stuck.terminate();`,
  );
  const phases = (task: string) => tasks(events).filter((e) => e.task === task).map((e) => e.phase);
  expect(phases('worker-1')).toEqual(['spawned', 'started', 'finished']);
  expect(phases('worker-2')).toEqual(['spawned', 'started', 'failed']);
  expect(phases('worker-3')).toEqual(['spawned', 'started', 'terminated']);
  const failed = tasks(events, 'failed')[0] as TaskEvent;
  expect(failed.error).toBe('Error: no');
  for (const task of ['worker-1', 'worker-2', 'worker-3']) {
    const times = tasks(events).filter((e) => e.task === task).map((e) => e.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  }
});

test('lanes report running, waiting (lock, join) and sleeping (sleep, sleepSync) from the instrumentation', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn, Mutex, sleep, sleepSync, busy } from "racecourse";
const m = new Mutex({ name: "A" });
const ready = new Int32Array(new SharedArrayBuffer(4));
m.lock();
const t = spawn((lock: Mutex, flag: Int32Array) => { Atomics.store(flag, 0, 1); lock.lock(); busy(30); lock.unlock(); }, m, ready);
while (Atomics.load(ready, 0) === 0) {}
busy(100);
m.unlock();
await t.join();
await sleep(60);
sleepSync(60);`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  const worker = states(events, 'worker-1');
  expect(worker.some((s) => s.state === 'waiting' && s.on === 'mutex A')).toBe(true);
  expect(worker.some((s) => s.state === 'running')).toBe(true);
  const main = states(events, 'main');
  expect(main.some((s) => s.state === 'waiting' && s.on === 'join worker-1')).toBe(true);
  expect(main.filter((s) => s.state === 'sleeping').length).toBeGreaterThanOrEqual(1);
  // The waiting segment of worker-1 lasts about as long as main held the lock.
  const waitStart = worker.find((s) => s.state === 'waiting')?.t ?? 0;
  const waitEnd = worker.find((s) => s.t > waitStart && s.state !== 'waiting')?.t ?? 0;
  expect(waitEnd - waitStart).toBeGreaterThan(30);
});

test('totals: one busy worker has utilisation about 1', async ({ page }) => {
  const { result } = await run(page, `import { busy } from "racecourse";\nbusy(600);`);
  expect(result.state).toBe('done');
  expect(result.totals.workers).toBe(1);
  expect(result.totals.wallMs).toBeGreaterThanOrEqual(600);
  expect(result.totals.utilization).toBeGreaterThan(0.85);
  expect(result.totals.utilization).toBeLessThanOrEqual(1.05);
});

test('totals: N busy workers on N free cores have utilisation about N', async ({ page }) => {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  // A start barrier: every worker is up before any starts working, so worker start-up (slow on a
  // busy machine) is a small part of the run. Utilisation counts time spent running JavaScript.
  const { result, events } = await run(
    page,
    `import { spawn, busy, cores } from "racecourse";
const gate = new Int32Array(new SharedArrayBuffer(8));
const tasks = Array.from({ length: cores }, () => spawn((g: Int32Array, n: number) => {
  Atomics.add(g, 1, 1);
  Atomics.notify(g, 1);
  while (Atomics.load(g, 0) === 0) Atomics.wait(g, 0, 0);
  busy(1500);
}, gate, cores));
for (let up = Atomics.load(gate, 1); up < cores; up = Atomics.load(gate, 1)) {
  const w = Atomics.waitAsync(gate, 1, up);
  if (w.async) await w.value;
}
Atomics.store(gate, 0, 1);
Atomics.notify(gate, 0);
await Promise.all(tasks.map((t) => t.join()));`,
  );
  expect(result.state).toBe('done');
  expect(result.totals.workers).toBe(cores + 1);
  expect(result.totals.activeMs).toBeGreaterThan(cores * 1500 * 0.95);
  expect(result.totals.utilization).toBeCloseTo(result.totals.activeMs / result.totals.wallMs, 2);
  // The tasks' running segments overlap for about the whole 1.5 s of work: while they overlap,
  // utilisation is N. (Over the whole run it is lower by the workers' start-up, which a busy
  // machine stretches, so that is not what this test holds.)
  const running = Array.from({ length: cores }, (_, i) => {
    const lane = states(events, `worker-${i + 1}`);
    const start = lane.findLast((s) => s.state === 'running')?.t ?? Infinity;
    const finished = tasks(events, 'finished').find((e) => e.task === `worker-${i + 1}`)?.t ?? -Infinity;
    const end = lane.find((s) => s.t > start && s.state !== 'running')?.t ?? finished;
    return { start, end };
  });
  const overlap = Math.min(...running.map((r) => r.end)) - Math.max(...running.map((r) => r.start));
  expect(overlap, JSON.stringify(running)).toBeGreaterThan(1_450);
});

test('totals: a run that mostly waits has utilisation well below 1', async ({ page }) => {
  const { result } = await run(
    page,
    `import { spawn, sleep } from "racecourse";
await Promise.all([spawn(async () => { await sleep(1000); }).join(), sleep(1000)]);`,
  );
  expect(result.state).toBe('done');
  // Running time is the start-up JavaScript of two workers, a small part of a second of waiting
  // even when a busy machine slows it down.
  expect(result.totals.utilization).toBeLessThan(0.3);
});
