import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { openPlayground } from './helpers';

/**
 * Explore on a playground (design/explorer.md §2, §6): the read-out's states
 * and figures, the first failure, Stop and Escape, and a program that cannot
 * be explored. The search itself is the engine's (src/runtime/explorer); here
 * it is held to what the page shows of it.
 */

const LOST_UPDATE = `import { spawn } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(4));
function add(shared: Int32Array) { for (let i = 0; i < 2; i++) shared[0] = shared[0] + 1; }
const tasks = [spawn(add, shared), spawn(add, shared)];
await Promise.all(tasks.map((t) => t.join()));
console.log(\`count = \${shared[0]}\`);
console.assert(shared[0] === 4, "an update was lost");
`;

const LOCKED = `import { spawn, Mutex } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(4));
const lock = new Mutex("count");
function add(shared: Int32Array, lock: Mutex) {
  for (let i = 0; i < 2; i++) lock.withLock(() => { shared[0] = shared[0] + 1; });
}
const tasks = [spawn(add, shared, lock), spawn(add, shared, lock)];
await Promise.all(tasks.map((t) => t.join()));
console.log(\`count = \${shared[0]}\`);
console.assert(shared[0] === 4, "an update was lost");
`;

/** Far more schedules than any budget: 4 workers × 50 increments. */
const HUGE = `import { spawn } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(4));
function add(shared: Int32Array) { for (let i = 0; i < 50; i++) shared[0] = shared[0] + 1; }
const tasks = [0, 1, 2, 3].map(() => spawn(add, shared));
await Promise.all(tasks.map((t) => t.join()));
console.log(\`count = \${shared[0]}\`);
`;

const SYNTAX_ERROR = `import { spawn } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(4));
const = ;
console.log(shared[0]);
`;

const readout = (playground: Locator) => playground.getByRole('status', { name: 'Exploration' });
const explore = (playground: Locator) => playground.getByRole('button', { name: 'Explore', exact: true });
const stop = (playground: Locator) => playground.getByRole('button', { name: 'Stop', exact: true });
const run = (playground: Locator) => playground.getByRole('button', { name: 'Run', exact: true });

/** Presses Explore and waits for the search to end. */
async function exploreAndWait(playground: Locator): Promise<Locator> {
  await explore(playground).click();
  const status = readout(playground);
  await expect(status).toHaveAttribute('data-finished', 'true', { timeout: 60_000 });
  return status;
}

/** Milliseconds the page takes to answer a script, measured from the test. */
async function answerMs(page: Page): Promise<number> {
  const start = Date.now();
  await page.evaluate(() => 1);
  return Date.now() - start;
}

test('without script there is no Explore button', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/playground/');
  await expect(page.getByRole('button', { name: 'Explore' })).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Exploration' })).toHaveCount(0);
  await context.close();
});

test('the lost update explores completely: three outcomes, the failing ones, and the first failure step by step', async ({ page }) => {
  const playground = await openPlayground(page, LOST_UPDATE);
  await expect(playground).toHaveAttribute('data-mode', 'run');
  const status = await exploreAndWait(playground);
  await expect(playground).toHaveAttribute('data-mode', 'explore');
  await expect(status).toHaveAttribute('data-complete', 'true');
  expect(Number(await status.getAttribute('data-executions'))).toBeGreaterThan(0);
  expect(Number(await status.getAttribute('data-failures'))).toBeGreaterThan(0);
  expect(await status.getAttribute('data-bound')).toMatch(/^\d+$/);
  await expect(status.locator('[data-field="summary"]')).toHaveText(
    /^Checked every interleaving with up to \d+ preemptions?: [\d,]+ executions? in /,
  );
  await expect(status).toContainText('2 of 3 outcomes fail.');

  const outcomes = status.getByRole('list', { name: 'Outcomes' }).getByRole('listitem');
  await expect(outcomes).toHaveCount(3);
  const lines = await outcomes.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.outcome));
  expect(lines.sort()).toEqual(['count = 2', 'count = 3', 'count = 4']);
  for (const item of await outcomes.all()) {
    expect(Number(await item.getAttribute('data-count'))).toBeGreaterThan(0);
    await expect(item).toHaveAttribute('data-label', '');
    await expect(item).toContainText(/\d+ schedules?/);
    await expect(item).not.toContainText('%');
  }
  await expect(outcomes.filter({ hasText: 'count = 4' })).toContainText('no failure');
  await expect(outcomes.filter({ hasText: 'count = 3' })).toContainText('fails');

  // The first failure: its schedule on the read-out and on the button, its steps in words on demand.
  const schedule = await status.getAttribute('data-schedule');
  expect(schedule).toBeTruthy();
  const stepThrough = status.getByRole('button', { name: 'Step through the failure' });
  await expect(stepThrough).toHaveAttribute('data-schedule', schedule!);
  await expect(status.locator('.pg-failure-schedule code')).toHaveText(schedule!);
  const steps = status.getByRole('list', { name: /^Steps of the failure/ });
  await expect(steps).toBeHidden();
  await status.getByText(/^Its steps in words \(\d+ steps\)$/).click();
  await expect(steps).toBeVisible();
  await expect(steps.getByRole('listitem').first()).toHaveText(/^(main|worker-\d+) · line \d+ · \S/);
  // The button opens Step mode at that schedule (e2e/playground/step.spec.ts follows it to the failure).
  await stepThrough.click();
  await expect(playground).toHaveAttribute('data-mode', 'step');
  await expect(status).toBeHidden();
  await expect(playground.getByRole('group', { name: 'Scheduler' })).toHaveAttribute('data-loaded', schedule!);

  // Run brings the run's read-outs back.
  await run(playground).click();
  await expect(playground).toHaveAttribute('data-mode', 'run');
  await expect(status).toBeHidden();
  await expect(playground).toHaveAttribute('data-state', 'done');
  await expect(playground.getByRole('log', { name: 'Output' })).toContainText('count = ');
});

test('the locked version explores completely with one outcome and no failure, from the keyboard', async ({ page }) => {
  const playground = await openPlayground(page, LOCKED);
  await explore(playground).focus();
  await page.keyboard.press('Enter');
  const status = readout(playground);
  await expect(status).toHaveAttribute('data-finished', 'true', { timeout: 60_000 });
  await expect(status).toHaveAttribute('data-complete', 'true');
  await expect(status).toHaveAttribute('data-failures', '0');
  await expect(status).not.toHaveAttribute('data-schedule');
  const outcomes = status.getByRole('list', { name: 'Outcomes' }).getByRole('listitem');
  await expect(outcomes).toHaveCount(1);
  await expect(outcomes).toHaveAttribute('data-outcome', 'count = 4');
  await expect(status).toContainText('Every execution ends the same way, and none fails.');
  await expect(status.getByRole('button', { name: 'Step through the failure' })).toHaveCount(0);
  // Stop went back to waiting, and the focus came back to Explore rather than being lost.
  await expect(stop(playground)).toBeDisabled();
  await expect(explore(playground)).toBeFocused();
  await expect(playground.locator('[data-part="announcer"]')).toContainText('Exploration ended. Checked every interleaving');
});

test('Stop ends a long exploration at once, and the page answers throughout', async ({ page }) => {
  const playground = await openPlayground(page, HUGE);
  await explore(playground).click();
  const status = readout(playground);
  // It is searching: the read-out counts, Run and Explore wait, Stop is the way out.
  await expect.poll(async () => Number(await status.getAttribute('data-executions')), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect(status).not.toHaveAttribute('data-finished');
  await expect(status).toHaveAttribute('data-complete', 'false');
  await expect(status).toContainText('Exploring:');
  await expect(run(playground)).toBeDisabled();
  await expect(explore(playground)).toBeDisabled();
  await expect(playground.getByRole('button', { name: 'Run ×20' })).toBeDisabled();
  await expect(stop(playground)).toBeEnabled();
  expect(await answerMs(page)).toBeLessThan(1_000);

  // From the page's click to the read-out's end, measured on the page.
  const ms = await playground.evaluate((root) => {
    const status = root.querySelector<HTMLElement>('[aria-label="Exploration"]')!;
    return new Promise<number>((resolve) => {
      const start = performance.now();
      const observer = new MutationObserver(() => {
        if (status.dataset.finished !== 'true') return;
        observer.disconnect();
        resolve(performance.now() - start);
      });
      observer.observe(status, { attributes: true });
      root.querySelector<HTMLButtonElement>('button[data-action="stop"]')!.click();
    });
  });
  expect(ms).toBeLessThan(200);
  await expect(status).toHaveAttribute('data-complete', 'false');
  await expect(status).toContainText('Not exhaustive: Stopped.');
  await expect(status).not.toContainText('Checked every');
  await expect(run(playground)).toBeEnabled();
  await expect(explore(playground)).toBeEnabled();
  await expect(stop(playground)).toBeDisabled();
  expect(await answerMs(page)).toBeLessThan(1_000);

  // Escape stops one too.
  await explore(playground).click();
  await expect.poll(async () => Number(await status.getAttribute('data-executions')), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect(status).not.toHaveAttribute('data-finished');
  await page.keyboard.press('Escape');
  await expect(status).toHaveAttribute('data-finished', 'true', { timeout: 2_000 });
  await expect(status).toContainText('Not exhaustive: Stopped.');
});

test('a syntax error says where, and the code is kept', async ({ page }) => {
  const playground = await openPlayground(page, SYNTAX_ERROR);
  const status = await exploreAndWait(playground);
  await expect(status).toHaveAttribute('data-complete', 'false');
  await expect(status.locator('[data-field="summary"]')).toContainText(/line 3/i);
  await expect(status.getByRole('list', { name: 'Outcomes' })).toBeHidden();
  await expect(playground.locator('[data-part="code"]')).toContainText('const = ;');
  await expect(explore(playground)).toBeEnabled();
  await expect(run(playground)).toBeEnabled();
});

test('a program the explorer cannot control says why, naming the line', async ({ page }) => {
  const playground = await openPlayground(page, `import { sleep } from "racecourse";\nawait sleep(1);\nconst response = await fetch("/");\nconsole.log(response.status);\n`);
  const status = await exploreAndWait(playground);
  await expect(status).toHaveAttribute('data-complete', 'false');
  await expect(status.locator('[data-field="summary"]')).toContainText(/line 3/i);
  await expect(status.locator('[data-field="summary"]')).toContainText('fetch');
  await expect(status).not.toContainText('Checked every');
});

// ---- Data races and potential deadlocks (issue 14) ----

const snippet = (path: string) => readFileSync(`content/${path}`, 'utf8');
/** Opens the playground on `code` in a fresh document (a second goto that changes only the fragment would keep the page). */
async function openFresh(page: Page, code: string): Promise<Locator> {
  await page.goto('about:blank');
  return openPlayground(page, code);
}
const races = (status: Locator) => status.getByRole('list', { name: 'Data races' });
const potentialDeadlocks = (status: Locator) => status.getByRole('list', { name: 'Potential deadlocks' });

test('the lost update lists its data races, each once, with both lines; no potential deadlock', async ({ page }) => {
  const status = await exploreAndWait(await openPlayground(page, LOST_UPDATE));
  await expect(status).toHaveAttribute('data-complete', 'true');
  const items = races(status).getByRole('listitem');
  // A read and a write, and two writes, of shared[0] at line 3: two distinct races, whatever the schedules.
  await expect(items).toHaveCount(2);
  for (const item of await items.all()) {
    await expect(item).toHaveAttribute('data-lines', '3 3');
    await expect(item).toHaveText(/^Data race on shared\[0\]: worker-[12] (reads|writes) it at line 3, worker-[12] (reads|writes) it at line 3, and nothing orders the two\.$/);
  }
  await expect(items.filter({ hasText: /writes it at line 3, worker-[12] writes it/ })).toHaveCount(1);
  await expect(potentialDeadlocks(status)).toHaveCount(0);
});

test('the locked count and the course’s atomic counter show no data race', async ({ page }) => {
  for (const code of [LOCKED, snippet('05-locks/01-locks-and-atomics/_snippets/atomic-count.ts')]) {
    const status = await exploreAndWait(await openFresh(page, code));
    await expect(status).toHaveAttribute('data-complete', 'true');
    expect(Number(await status.getAttribute('data-executions'))).toBeGreaterThan(1);
    await expect(status.locator('[data-field="races"]')).toBeHidden();
    await expect(races(status)).toHaveCount(0);
    await expect(potentialDeadlocks(status)).toHaveCount(0);
  }
});

test('two transfers show a potential deadlock with its lines; the lock-ordered version shows none', async ({ page }) => {
  const status = await exploreAndWait(await openPlayground(page, snippet('06-deadlock/01-deadlock/_snippets/two-transfers.ts')));
  const items = potentialDeadlocks(status).getByRole('listitem');
  await expect(items).toHaveCount(1);
  await expect(items).toHaveAttribute('data-lines', '11 18');
  await expect(items).toHaveText(
    'Potential deadlock: worker-1 took mutex A (line 11) then mutex B (line 18); worker-2 took mutex B (line 11) then mutex A (line 18). A different timing would hang.',
  );
  await expect(races(status)).toHaveCount(0);

  const fixed = await exploreAndWait(await openFresh(page, snippet('06-deadlock/01-deadlock/_snippets/fix-ordering.ts')));
  await expect(fixed).toHaveAttribute('data-failures', '0');
  expect(Number(await fixed.getAttribute('data-executions'))).toBeGreaterThan(1);
  await expect(potentialDeadlocks(fixed)).toHaveCount(0);
  await expect(fixed.locator('[data-field="deadlocks"]')).toBeHidden();
});

/** A plain write before the locks (a data race), and the locks in opposite orders (a potential deadlock). */
const RACE_AND_DEADLOCK = `import { spawn, Mutex } from "racecourse";
const a = new Mutex("A");
const b = new Mutex("B");
const data = new Int32Array(new SharedArrayBuffer(4));
function both(first: Mutex, second: Mutex, data: Int32Array) {
  data[0] = 1;
  first.lock(); second.lock(); second.unlock(); first.unlock();
}
const one = spawn(both, a, b, data);
const two = spawn(both, b, a, data);
await one.join(); await two.join();
`;

for (const scheme of ['light', 'dark'] as const) {
  test(`the read-out with its data races and potential deadlocks has no axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const status = await exploreAndWait(await openPlayground(page, RACE_AND_DEADLOCK));
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await expect(races(status).getByRole('listitem')).toHaveCount(1);
    await expect(races(status).getByRole('listitem')).toHaveAttribute('data-lines', '6 6');
    await expect(potentialDeadlocks(status).getByRole('listitem')).toHaveCount(1);
    const results = await new AxeBuilder({ page }).include('[data-playground]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
