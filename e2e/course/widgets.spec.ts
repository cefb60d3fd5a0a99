import { test, expect } from '../fixtures';

const LESSON = '/learn/performance/speedup-and-amdahl/';

test('the speed-up sweep measures every worker count, plots it and tables it', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(LESSON);
  const sweep = page.locator('speedup-sweep');
  await sweep.getByRole('button', { name: 'Run the sweep' }).click();
  await expect(sweep).toHaveAttribute('data-state', 'done', { timeout: 240_000 });
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const rows = sweep.locator('tbody tr[data-workers]');
  await expect(rows).toHaveCount(Math.max(4, 2 * cores));
  // Waiting overlaps on any machine: 4 workers wait ~4× faster than one, whatever the load.
  const ioSpeedup = parseFloat((await rows.nth(3).locator('td').nth(4).textContent()) ?? '0');
  expect(ioSpeedup).toBeGreaterThan(2.5);
  await expect(sweep.getByRole('img')).toBeVisible();
  expect(await sweep.locator('svg circle').count()).toBe(Math.max(4, 2 * cores));
  expect(await sweep.locator('svg rect').count()).toBe(Math.max(4, 2 * cores));
});

test('the Amdahl widget fits a serial fraction to its measurements', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(LESSON);
  const widget = page.locator('amdahl-fit');
  await widget.getByLabel(/Serial part/).fill('300');
  await widget.getByRole('button', { name: 'Measure and fit' }).click();
  await expect(widget).toHaveAttribute('data-state', 'done', { timeout: 240_000 });
  // The value depends on the machine and its load; the test holds the widget to its shape.
  const f = Number(await widget.getAttribute('data-serial-fraction'));
  expect(f).toBeGreaterThanOrEqual(0);
  expect(f).toBeLessThanOrEqual(1);
  await expect(widget.getByRole('status')).toContainText('Amdahl');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(widget.locator('tbody tr')).toHaveCount(Math.max(4, 2 * cores));
  await expect(widget.locator('tbody tr').last().locator('td').nth(2)).toHaveText(/×$/);
});
