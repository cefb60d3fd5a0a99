import { test, expect } from '../fixtures.ts';
import type { ConsoleEvent } from '../../src/shared/protocol/index.ts';
import { finish, openHarness, run, start, states, system, waitForLine } from './harness.ts';

/** Deadlocks: found within 2 s, the cycle named, waiting lanes shown, Stop still works. */

test.beforeEach(async ({ page }) => openHarness(page));

const lockOrder = `import { spawn, Mutex } from "racecourse";
const a = new Mutex({ name: "A" });
const b = new Mutex({ name: "B" });
const barrier = new Int32Array(new SharedArrayBuffer(4));
const worker = (first: Mutex, second: Mutex, bar: Int32Array) => {
  first.lock();
  Atomics.add(bar, 0, 1);
  Atomics.notify(bar, 0);
  while (Atomics.load(bar, 0) < 2) Atomics.wait(bar, 0, Atomics.load(bar, 0));
  second.lock();
};
const t1 = spawn(worker, a, b, barrier);
const t2 = spawn(worker, b, a, barrier);
await Promise.all([t1.join(), t2.join()]);`;

test('two workers taking two locks in opposite orders: the cycle is named within 2 s and the run ends as error', async ({ page }) => {
  const { result, events } = await run(page, lockOrder);
  expect(result.state).toBe('error');
  if (result.state === 'error') expect(result.error.kind).toBe('deadlock');
  const report = system(events).find((line) => line.startsWith('Deadlock:'));
  expect(report).toContain('worker-1 holds mutex A and waits for mutex B (held by worker-2)');
  expect(report).toContain('worker-2 holds mutex B and waits for mutex A (held by worker-1)');
  expect(report).toContain('main waits for worker-1 to finish');
  // The timeline ends with both lanes waiting on each other's lock.
  expect(states(events, 'worker-1').at(-1)).toMatchObject({ state: 'waiting', on: 'mutex B' });
  expect(states(events, 'worker-2').at(-1)).toMatchObject({ state: 'waiting', on: 'mutex A' });
  const stuckSince = Math.max(
    ...['worker-1', 'worker-2'].map((task) => states(events, task).at(-1)?.t ?? 0),
  );
  const reported = events.find((e): e is ConsoleEvent => e.type === 'console' && e.text.startsWith('Deadlock:'));
  expect((reported?.t ?? Infinity) - stuckSince).toBeLessThan(2_000);
});

test('with the report policy the run keeps waiting after the report, and Stop still ends it', async ({ page }) => {
  await start(page, lockOrder, { deadlock: 'report' });
  await waitForLine(page, /^Deadlock: /);
  expect(await page.evaluate(() => window.__runtimeHarness.state)).toBe('running');
  const stopped = await page.evaluate(async () => {
    const t0 = performance.now();
    window.__runtimeHarness.stop();
    const result = await window.__runtimeHarness.result();
    return { state: result.state, ms: performance.now() - t0 };
  });
  expect(stopped.state).toBe('stopped');
  expect(stopped.ms).toBeLessThan(200);
  const { events } = await finish(page);
  expect(system(events).filter((line) => line.startsWith('Deadlock:'))).toHaveLength(1);
});

test('a receiver waiting on a channel nobody will ever send to is reported too', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn, Channel } from "racecourse";
const jobs = new Channel<number>(4, { name: "jobs" });
const consumer = spawn(async (ch: Channel<number>) => { let sum = 0; for await (const v of ch) sum += v; return sum; }, jobs);
await jobs.send(1);
await jobs.send(2);
// Forgot jobs.close(): the consumer waits forever, and main waits for it.
console.log(await consumer.join());`,
  );
  expect(result.state).toBe('error');
  const report = system(events).find((line) => line.startsWith('Deadlock:'));
  expect(report).toContain('worker-1 waits for a value from channel jobs (empty)');
  expect(report).toContain('main waits for worker-1 to finish');
});

test('a semaphore nobody releases, and a lock held by a finished task', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn, Mutex, Semaphore } from "racecourse";
const m = new Mutex({ name: "M" });
await spawn((lock: Mutex) => { lock.lock(); /* and never unlocks */ }, m).join();
const s = new Semaphore(0, { name: "S" });
const waiter = spawn((sem: Semaphore) => sem.acquire(), s);
m.lock();`,
  );
  expect(result.state).toBe('error');
  const report = system(events).find((line) => line.startsWith('Deadlock:')) ?? '';
  expect(report).toContain('main waits for mutex M (held by worker-1)');
  expect(report).toContain('worker-2 waits for a permit of semaphore S (none free)');
});

test('no false alarm: long waits that do end (sleep, a slow producer, a lock held for a while) are not deadlocks', async ({ page }) => {
  const { result, events } = await run(
    page,
    `import { spawn, Mutex, Channel, sleepSync, sleep } from "racecourse";
const m = new Mutex();
const ch = new Channel<number>(1);
const slow = spawn(async (lock: Mutex, c: Channel<number>) => {
  lock.lock(); sleepSync(1500); lock.unlock();
  await sleep(1000);
  await c.send(7);
}, m, ch);
m.lock();
m.unlock();
console.log(await ch.recv());
await slow.join();`,
  );
  expect(result.state, system(events).join('\n')).toBe('done');
  expect(system(events).some((line) => line.startsWith('Deadlock'))).toBe(false);
});
