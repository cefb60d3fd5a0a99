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
  await expect(box.getByRole('figure', { name: 'Solution' }).locator('pre')).toBeVisible();
  await expect(box.getByRole('button', { name: 'Hide solution' })).toHaveAttribute('aria-expanded', 'true');
});

test("Show solution opens it beside the learner's code with the differing lines marked, and Use this solution can be undone", async ({
  page,
}) => {
  await page.goto('/learn/races/lost-updates/');
  const box = page.locator('race-exercise').first();
  const playground = box.locator('race-playground');
  const codeOf = () => playground.evaluate((p) => (p as unknown as { code: string }).code);
  const before = await codeOf();

  await box.getByRole('button', { name: 'Show solution' }).click();
  const mine = box.getByRole('figure', { name: 'Your code' });
  const solution = box.getByRole('figure', { name: 'Solution' });
  await expect(mine).toBeVisible();
  await expect(solution).toBeVisible();
  // The learner's own code, line for line, and untouched.
  expect((await mine.locator('.line').allTextContents()).join('\n')).toBe(before.replace(/\n$/, ''));
  expect(await codeOf()).toBe(before);
  // Differences marked on both sides, and said in words.
  await expect(mine.locator('.line[data-diff]').first()).toBeVisible();
  await expect(solution.locator('.line[data-diff]').first()).toBeVisible();
  const marked = await mine.locator('.line[data-diff]').count();
  expect(marked).toBeLessThan(await mine.locator('.line').count());
  await expect(box.locator('[data-part="diff-summary"]')).toContainText(/The first difference: your lines? \d+/);

  // Using the solution empties the marks; Undo brings the learner's code, and the marks, back.
  await box.getByRole('button', { name: 'Use this solution' }).click();
  await expect(box.locator('[data-part="diff-summary"]')).toHaveText(/already matches the solution/);
  await expect(mine.locator('.line[data-diff]')).toHaveCount(0);
  await playground.getByRole('button', { name: 'Undo' }).click();
  expect(await codeOf()).toBe(before);
  await expect(mine.locator('.line[data-diff]')).toHaveCount(marked);
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
