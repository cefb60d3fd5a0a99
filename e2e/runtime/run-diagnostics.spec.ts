import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '../fixtures.ts';
import type { ConsoleEvent } from '../../src/shared/protocol/index.ts';
import { finish, lines, openHarness, run, start, waitForLine } from './harness.ts';
import { linesOf, openPlayground, runAndWait } from '../playground/helpers.ts';

/**
 * Diagnostics of real runs (issue 14): a potential deadlock from the order
 * the lanes took their locks, said at the end of a run that did not hang,
 * with a way to Explore it; and a lane that spins without progress, said
 * while the run goes on. Each must fire where it should and stay quiet on
 * correct code, the course's fixed versions included.
 */

const snippet = (path: string) => readFileSync(`content/${path}`, 'utf8');

// worker-2 waits until worker-1 has started, then sleeps long enough that worker-1 has
// taken and released both locks: the run ends `done`, but another timing hangs.
const opposite = (secondOrder: 'b-then-a' | 'a-then-b') => `import { spawn, Mutex, sleepSync } from "racecourse";
const a = new Mutex("A");
const b = new Mutex("B");
const go = new Int32Array(new SharedArrayBuffer(4));
function first(a: Mutex, b: Mutex, go: Int32Array) {
  Atomics.store(go, 0, 1);
  Atomics.notify(go, 0);
  a.lock();
  b.lock();
  b.unlock();
  a.unlock();
}
function second(a: Mutex, b: Mutex, go: Int32Array) {
  Atomics.wait(go, 0, 0);
  sleepSync(500);
  ${secondOrder === 'b-then-a' ? 'b.lock();\n  a.lock();' : 'a.lock();\n  b.lock();'}
  a.unlock();
  b.unlock();
}
const one = spawn(first, a, b, go);
const two = spawn(second, a, b, go);
await Promise.all([one.join(), two.join()]);
console.log("both done");`;

const POTENTIAL =
  'Potential deadlock: worker-1 took mutex A (line 8) then mutex B (line 9); worker-2 took mutex B (line 16) then mutex A (line 17). A different timing would hang.';

const warnings = (events: { type: string }[]) =>
  (events as ConsoleEvent[]).filter((e) => e.type === 'console' && e.task === 'runtime' && e.stream === 'warn').map((e) => e.text);

test.describe('potential deadlock', () => {
  test.beforeEach(async ({ page }) => openHarness(page));

  test('two workers taking two mutexes in opposite orders, timed so that the run ends done: one warn line with all four lines, before the end', async ({
    page,
  }) => {
    const { result, events } = await run(page, opposite('b-then-a'));
    expect(result.state).toBe('done');
    expect(warnings(events)).toEqual([POTENTIAL]);
    // Said before the run's end event, after the snippet's own last line.
    const index = events.findIndex((e) => e.type === 'console' && e.text === POTENTIAL);
    expect(index).toBeGreaterThan(events.findIndex((e) => e.type === 'console' && e.text === 'both done'));
    expect(events.at(-1)?.type).toBe('end');
  });

  test('the same two mutexes taken in the same order: no warning', async ({ page }) => {
    const { result, events } = await run(page, opposite('a-then-b'));
    expect(result.state).toBe('done');
    expect(warnings(events)).toEqual([]);
  });

  test('a real deadlock (two transfers that hang) gets the deadlock report only, not a potential one beside it', async ({ page }) => {
    const { result, events } = await run(page, snippet('06-deadlock/01-deadlock/_snippets/two-transfers.ts'));
    expect(result.state).toBe('error');
    expect(lines(events, 'system').filter((l) => l.startsWith('Deadlock:'))).toHaveLength(1);
    expect(warnings(events)).toEqual([]);
  });

  for (const path of [
    '06-deadlock/01-deadlock/_snippets/fix-ordering.ts',
    '05-locks/01-locks-and-atomics/_snippets/atomic-count.ts',
    '05-locks/01-locks-and-atomics/_snippets/mutex-count.ts',
    '07-ipc/01-channels-and-pipes/_snippets/poison-pill.solution.ts',
  ]) {
    test(`the course's fixed version ${path.split('/').at(-1)} stays quiet`, async ({ page }) => {
      const { result, events } = await run(page, snippet(path));
      expect(result.state).toBe('done');
      expect(warnings(events)).toEqual([]);
    });
  }
});

test.describe('no progress', () => {
  test.beforeEach(async ({ page }) => openHarness(page));

  const lostWakeUp = `import { spawn } from "racecourse";
const flag = new Int32Array(new SharedArrayBuffer(8));
const waiter = spawn((flag: Int32Array) => {
  // Nobody ever sets flag[1]: a lost wake-up.
  while (Atomics.load(flag, 1) === 0) {}
  return "woke";
}, flag);
console.log(await waiter.join());`;

  test('a worker spinning on a flag nobody sets is said while the run goes on, with its line and cell; Stop then ends it', async ({ page }) => {
    await start(page, lostWakeUp);
    const line = await waitForLine(page, /has been spinning/, 30_000);
    expect(line).toMatchObject({ task: 'runtime', stream: 'warn' });
    expect(line.text).toBe('worker-1 has been spinning at line 5 for 3 s, waiting for flag[1] to change.');
    expect(await page.evaluate(() => window.__runtimeHarness.state)).toBe('running');
    await page.evaluate(() => window.__runtimeHarness.stop());
    const { result, events } = await finish(page);
    expect(result.state).toBe('stopped');
    expect(warnings(events).filter((t) => t.includes('spinning'))).toHaveLength(1);
  });

  test('a compare-and-swap spin lock whose holder never lets go is said too (the time limit ends the run)', async ({ page }) => {
    const { result, events } = await run(
      page,
      `// @time-limit 6s
import { spawn } from "racecourse";
const lock = new Int32Array(new SharedArrayBuffer(4));
Atomics.store(lock, 0, 1); // taken, and never released
const t = spawn((lock: Int32Array) => {
  while (Atomics.compareExchange(lock, 0, 0, 1) !== 0);
}, lock);
await t.join();`,
    );
    expect(result.state).toBe('timeout');
    expect(warnings(events)).toContain('worker-1 has been spinning at line 6 for 3 s, waiting for lock[0] to change.');
  });

  test('a long compute with no output, a spin lock that makes progress, the atomic counter and mutex-count stay quiet', async ({ page }) => {
    const quiet = [
      `// @time-limit 20s
import { spawn, compute } from "racecourse";
await spawn(() => compute(4000)).join();
console.log("computed");`,
      `// @time-limit 30s
import { spawn } from "racecourse";
// A correct spin lock: each worker takes it 100 times and holds it ~40 ms, printing nothing.
const cells = new Int32Array(new SharedArrayBuffer(8));
const work = (cells: Int32Array) => {
  for (let i = 0; i < 100; i++) {
    while (Atomics.compareExchange(cells, 0, 0, 1) !== 0);
    const until = performance.now() + 40;
    while (performance.now() < until);
    cells[1]++;
    Atomics.store(cells, 0, 0);
  }
};
await Promise.all([spawn(work, cells).join(), spawn(work, cells).join()]);
console.log("count", cells[1]);`,
      snippet('05-locks/01-locks-and-atomics/_snippets/atomic-count.ts'),
      snippet('05-locks/01-locks-and-atomics/_snippets/mutex-count.ts'),
    ];
    for (const code of quiet) {
      const { result, events } = await run(page, code);
      expect(result.state).toBe('done');
      expect(warnings(events)).toEqual([]);
    }
  });
});

test.describe('the playground offers to explore a potential deadlock', () => {
  test('the warn line, then "Find the hanging schedule" (by keyboard) explores the snippet and finds the deadlock', async ({ page }) => {
    const playground = await openPlayground(page, opposite('b-then-a'));
    const offer = playground.getByRole('button', { name: 'Find the hanging schedule' });
    await expect(offer).toBeHidden();
    await runAndWait(playground, 'done');
    // The output view says "Warning:" before a warn line (for screen readers).
    expect(await linesOf(playground, 'warn')).toEqual([`Warning: ${POTENTIAL}`]);
    await expect(offer).toBeVisible();
    await offer.focus();
    await page.keyboard.press('Enter');
    const status = playground.getByRole('status', { name: 'Exploration' });
    await expect(status).toHaveAttribute('data-finished', 'true', { timeout: 90_000 });
    await expect(status.locator('li[data-state="deadlock"]').first()).toBeAttached();
    // A run of the fixed order takes the offer away.
    await playground.evaluate(
      (root, code) => (root as unknown as { replaceCode(c: string, m: string): void }).replaceCode(code, 'Fixed.'),
      opposite('a-then-b'),
    );
    await runAndWait(playground, 'done');
    await expect(offer).toBeHidden();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the warning and its offer have no axe violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const playground = await openPlayground(page, opposite('b-then-a'));
      await runAndWait(playground, 'done');
      await expect(playground.getByRole('button', { name: 'Find the hanging schedule' })).toBeVisible();
      const results = await new AxeBuilder({ page }).include('[data-playground]').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
