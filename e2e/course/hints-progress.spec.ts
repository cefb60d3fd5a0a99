import { test, expect } from '../fixtures';
import { coursePages } from './course-pages';

const { exercises } = coursePages();

test('hints come one at a time, and the solution shows on request', async ({ page }) => {
  test.skip(exercises.length === 0, 'no exercises built');
  const first = exercises[0]!;
  await page.goto(first.page);
  const box = page.locator(`race-exercise[data-exercise-id="${first.id}"]`);
  const hints = box.locator('[data-part="hints"] li');
  const total = await hints.count();
  expect(total).toBeGreaterThan(0);
  await expect(hints.first()).toBeHidden();
  const hintButton = box.getByRole('button', { name: 'Hint' });
  for (let shown = 1; shown <= total; shown++) {
    await hintButton.click();
    await expect(box.locator('[data-part="hints"] li:not([hidden])')).toHaveCount(shown);
  }
  await expect(hintButton).toBeDisabled();

  const show = box.getByRole('button', { name: 'Show solution' });
  await expect(box.locator('[data-part="solution"]')).toBeHidden();
  await show.click();
  await expect(box.locator('[data-part="solution"] pre')).toBeVisible();
  await expect(box.getByRole('button', { name: 'Hide solution' })).toHaveAttribute('aria-expanded', 'true');
});

test('progress exports to a file and imports into a fresh browser', async ({ page, browser }) => {
  await page.goto('/');
  await page.evaluate(() =>
    localStorage.setItem(
      'racecourse:progress',
      JSON.stringify({ version: 1, lessons: { '/learn/foundations/what-your-machine-has/': { passed: { x: 1 }, total: 1 } } }),
    ),
  );
  await page.reload();
  await expect(page.locator('[data-progress-summary]')).toContainText(/^1 of \d+ lessons complete\.$/);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('racecourse-progress.json');
  const file = await download.path();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  await expect(other.locator('[data-progress-summary]')).toContainText(/^0 of/);
  await other.getByLabel('Import progress').setInputFiles(file);
  await expect(other.getByRole('status').filter({ hasText: 'imported' })).toBeVisible();
  await expect(other.locator('[data-progress-summary]')).toContainText(/^1 of/);
  await expect(other.locator('.course-map a[href="/learn/foundations/what-your-machine-has/"]')).toContainText('(completed)');

  await other.getByLabel('Import progress').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"nope":1}') });
  await expect(other.getByRole('status').filter({ hasText: 'Not imported' })).toBeVisible();
  await fresh.close();
});
