import { test, expect } from '../fixtures';

/**
 * An exercise whose check explores (design/explorer.md §5) passes only when
 * every interleaving of the small version passes too. The code below is
 * correct in real runs (it counts under the lock) and racy only where
 * `exploring` is true, so the real runs pass every time and only the
 * explorer can fail it: the verdict must come from the interleavings, told
 * step by step.
 */
const RIGHT_ONLY_IN_REAL_RUNS = `import { spawn, Mutex, exploring } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(8));
const lock = new Mutex("count");
const TIMES = exploring ? 2 : 2000;
function addOnes(shared: Int32Array, lock: Mutex, times: number, careless: boolean) {
  for (let i = 0; i < times; i++) {
    if (!careless) lock.lock();
    const seen = Atomics.load(shared, 0);
    Atomics.store(shared, 0, seen + 1);
    if (!careless) lock.unlock();
  }
}
const tasks = [0, 1].map(() => spawn(addOnes, shared, lock, TIMES, exploring));
await Promise.all(tasks.map((t) => t.join()));
// The check wants count = 400000 from a real run (2 × 2000 here, so × 100) and count = 4 when explored.
console.log(\`count = \${(exploring ? 1 : 100) * Atomics.load(shared, 0)}\`);
`;

test('a check that explores fails code whose real runs all pass, and tells the interleaving that breaks it', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/learn/races/lost-updates/');
  const box = page.locator('race-exercise[data-exercise-id="fix-counter"]');
  const playground = box.locator('race-playground');
  await playground.evaluate((element, code) => (element as unknown as { replaceCode(c: string, m: string): void }).replaceCode(code, 'test'), RIGHT_ONLY_IN_REAL_RUNS);
  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(box).toHaveAttribute('data-status', /^(passed|failed)$/, { timeout: 200_000 });
  const status = await box.locator('[data-part="ex-status"]').textContent();
  expect(await box.getAttribute('data-status'), status ?? '').toBe('failed');
  expect(status).toMatch(/all 20 runs are right\. But the explorer found an interleaving that goes wrong/);
  await expect(box.locator('[data-part="ex-reasons"] li').first()).toContainText(/preemption/);
  const story = box.locator('[data-part="ex-interleaving"]');
  await expect(story).toBeVisible();
  expect(await story.getAttribute('data-schedule')).toMatch(/^1\.s\d+\./);
  await story.locator('summary').click();
  const steps = await story.locator('li').allTextContents();
  // Both workers read the count before either wrote it back: the lost update, in words.
  expect(steps.some((s) => /^worker-1 · line \d+ · Atomics\.load\(shared\[0\]\)/.test(s))).toBe(true);
  expect(steps.some((s) => /^worker-2 · line \d+ · Atomics\.store\(shared\[0\], 1\)/.test(s))).toBe(true);

  // Its button opens the playground in Step mode at that schedule, and Next follows it to the lost update.
  const schedule = (await story.getAttribute('data-schedule'))!;
  await box.getByRole('button', { name: 'Step through the failure' }).click();
  await expect(playground).toHaveAttribute('data-mode', 'step');
  const scheduler = playground.getByRole('group', { name: 'Scheduler' });
  await expect(scheduler).toHaveAttribute('data-loaded', schedule);
  const next = scheduler.getByRole('button', { name: 'Next', exact: true });
  await expect(next).toBeFocused();
  for (let i = 0; i < 200 && (await next.isEnabled()); i++) {
    const before = Number(await scheduler.getAttribute('data-step'));
    await next.click();
    await expect(scheduler).toHaveAttribute('data-step', String(before + 1));
  }
  await expect(scheduler).toHaveAttribute('data-schedule', schedule);
  await expect(playground.getByRole('log', { name: 'Output' })).toContainText(/count = [23]$/);
});
