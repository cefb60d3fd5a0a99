import type { Locator } from '@playwright/test';
import { test, expect } from '../fixtures';
import { openPlayground, reveal, runAndWait, output, timing, linesOf } from './helpers';

const LESSON = '/learn/foundations/what-your-machine-has/';

test('the code is readable as highlighted text before any script runs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(LESSON);
  const playground = page.locator('[data-playground]').first();
  await expect(playground).toHaveAttribute('data-state', 'idle');
  await expect(playground.locator('pre.astro-code')).toContainText('navigator.hardwareConcurrency');
  await context.close();
});

test('Run works before any editor is loaded, and fills every read-out', async ({ page }) => {
  const editorRequests: string[] = [];
  page.on('request', (r) => {
    if (/monaco|ts\.worker|editor\.worker/i.test(r.url())) editorRequests.push(r.url());
  });
  await page.goto(LESSON);
  const playground = await reveal(page.locator('[data-playground][data-playground-id="busy-on-every-core"]'));
  await expect(playground.getByRole('button', { name: 'Edit' })).toBeVisible();
  await runAndWait(playground);

  await expect(output(playground).locator('[data-stream="log"]')).toContainText(['of work took']);
  const readout = timing(playground);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  // The snippet's own worker counts too: it ran the code that spawned the others.
  await expect(readout).toHaveAttribute('data-workers', String(cores + 1));
  const wall = Number(await readout.getAttribute('data-wall-ms'));
  const active = Number(await readout.getAttribute('data-active-ms'));
  expect(wall).toBeGreaterThanOrEqual(500);
  // Every worker was busy about 500 ms of wall time (busy() holds its core however loaded the
  // machine is), so active time is at least cores × ~450 ms.
  expect(active).toBeGreaterThan(cores * 400);
  // The read-out's utilisation is its own active / wall. (How large it gets depends on how long a
  // busy machine takes to start the workers; e2e/runtime/events.spec.ts holds its meaning.)
  expect(Number(await readout.getAttribute('data-utilization'))).toBeCloseTo(active / wall, 1);

  const timeline = playground.getByRole('img', { name: 'Timeline' });
  await expect(timeline.locator('[data-lane="worker-1"] [data-state="running"]').first()).toBeAttached();
  expect(editorRequests).toEqual([]);
});

test('a playground further down upgrades when the keyboard reaches it or a script asks, and its controls move nothing', async ({
  page,
}) => {
  await page.goto(LESSON);
  // Far from the viewport at load: not upgraded, its controls keep their place, invisible and out of reach.
  const controlsOf = (playground: Locator) => playground.getByRole('group', { name: /: controls$/ });
  const exercise = page.locator('race-exercise race-playground');
  const far = page.locator('[data-playground-id="more-workers-than-cores"]');
  await expect(controlsOf(exercise)).toBeHidden();
  await expect(controlsOf(far)).toBeHidden();

  // An exercise (or a test) that calls the element's methods gets an upgraded playground.
  const code = await exercise.evaluate((el) => (el as HTMLElement & { code: string }).code);
  expect(code).toContain('racecourse');
  await expect(controlsOf(exercise)).toBeVisible();

  // The keyboard reaches the code: the playground upgrades, and nothing moves.
  const place = () =>
    far.locator('[data-part="code"]').evaluate((code) => {
      const box = code.getBoundingClientRect();
      return { top: box.top + scrollY, height: box.height };
    });
  const before = await place();
  await far.locator('pre.astro-code').focus();
  await expect(controlsOf(far)).toBeVisible();
  expect(await place()).toEqual(before);
});

test('read-outs change while the run goes on, not only at its end', async ({ page }) => {
  const playground = await openPlayground(
    page,
    `import { spawn, busy, sleep } from "racecourse";
const task = spawn(() => busy(6000));
for (let i = 0; i < 60; i++) { console.log("tick " + i); await sleep(100); }
await task.join();`,
  );
  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(playground).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  const readout = timing(playground);
  const lane = playground.getByRole('img', { name: 'Timeline' }).locator('[data-lane="worker-1"]');
  // Three distinct wall times, the task's lane and the first line, all seen while the state is
  // still running: the state is read last in each poll, after what it vouches for. The run lasts
  // 6 s, so that a page starved by a busy machine still paints the read-out a few times.
  const seen = new Set<string>();
  await expect(async () => {
    seen.add((await readout.getAttribute('data-wall-ms')) ?? '');
    expect(seen.size).toBeGreaterThan(2);
    expect(await lane.count()).toBe(1);
    expect(await output(playground).locator('[data-stream="log"]').first().textContent()).toMatch(/tick 0/);
    expect(await playground.getAttribute('data-state')).toBe('running');
  }).toPass({ intervals: [50], timeout: 30_000 });
  await expect(playground).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
});

test('a shared link shows its code and never runs it before Run is pressed', async ({ page }) => {
  const playground = await openPlayground(page, 'console.log("ran " + 42);');
  await expect(playground.locator('[data-part="code"]')).toContainText('console.log("ran " + 42);');
  // Give any accidental autorun every chance: wait for the page to go idle.
  await page.waitForLoadState('networkidle');
  await expect(playground).toHaveAttribute('data-state', 'idle');
  await expect(output(playground).locator('[data-stream]')).toHaveCount(0);
  await runAndWait(playground);
  expect(await linesOf(playground, 'log')).toEqual(['ran 42']);
});

test('Share produces a link that round-trips the current code', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const code = 'const message: string = "shared ✓";\nconsole.log(message);\n';
  const playground = await openPlayground(page, code);
  await playground.getByRole('button', { name: 'Share' }).click();
  const link = await playground.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/\/playground\/#code=/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const other = await context.newPage();
  await other.goto(link);
  const copy = other.locator('[data-playground]');
  await expect(copy.locator('[data-part="code"]')).toContainText('shared ✓');
  await runAndWait(copy);
  expect(await linesOf(copy, 'log')).toEqual(['shared ✓']);
  await other.close();
});

test('Escape stops a runaway run, and a new Run replaces a running one', async ({ page }) => {
  const playground = await openPlayground(page, 'while (true) {}');
  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(playground).toHaveAttribute('data-state', 'running');
  await playground.getByRole('button', { name: 'Stop' }).focus();
  await page.keyboard.press('Escape');
  await expect(playground).toHaveAttribute('data-state', 'stopped');

  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(playground).toHaveAttribute('data-state', 'running');
  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(playground).toHaveAttribute('data-state', 'running');
  await playground.getByRole('button', { name: 'Stop' }).click();
  await expect(playground).toHaveAttribute('data-state', 'stopped');
});

test('Run ×20 collects every run into a histogram of outcomes', async ({ page }) => {
  const playground = await openPlayground(page, 'console.log(Math.random() < 2 ? "same" : "never");');
  await playground.getByRole('button', { name: 'Run ×20' }).click();
  const bar = playground.locator('[data-part="histogram"] li[data-outcome="same"]');
  await expect(bar).toHaveAttribute('data-count', '20', { timeout: 30_000 });
  await expect(playground.locator('[data-part="histogram"]')).toContainText('Outcomes of 20 of 20 runs');
});

test('an error ends in state error with a system line', async ({ page }) => {
  const playground = await openPlayground(page, 'const x: number = 1;\nthrow new Error("boom");');
  await runAndWait(playground, 'error');
  const system = (await linesOf(playground, 'system')).join('\n');
  expect(system).toContain('boom');
  expect(system).toMatch(/line 2/i);
});

test('the recent-runs table compares each run with the one before', async ({ page }) => {
  const playground = await openPlayground(page, 'import { busy } from "racecourse";\nbusy(50);\nconsole.log("ok");');
  await runAndWait(playground);
  await runAndWait(playground);
  const history = playground.locator('details.pg-history');
  await history.locator('summary').click();
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await expect(history.locator('tbody tr').first().locator('td').last()).toHaveText(/×$/);
});

test('each timeline stretch has its times, for pointer (title) and keyboard (the table)', async ({ page }) => {
  const playground = await openPlayground(
    page,
    'import { spawn, sleep, busy } from "racecourse";\nconst t = spawn(async () => { busy(100); await sleep(150); });\nawait t.join();',
  );
  await runAndWait(playground);
  const lane = playground.getByRole('img', { name: 'Timeline' }).locator('[data-lane="worker-1"]');
  await expect(lane.locator('[data-state="running"]').first()).toHaveAttribute('title', /worker-1 running from \d+/);
  await expect(lane.locator('[data-state="sleeping"]').first()).toBeAttached();

  const summary = playground.getByText('Timeline as a table');
  await summary.focus();
  await page.keyboard.press('Enter');
  const rows = playground.locator('[data-part="timeline-table"] tr');
  await expect(rows.filter({ hasText: 'sleeping' }).first()).toContainText('worker-1');
});
