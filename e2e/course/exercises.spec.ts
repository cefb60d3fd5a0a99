import { test, expect } from '../fixtures';
import { coursePages } from './course-pages';

/**
 * Every exercise: its solution passes the automatic check, and its starting
 * code does not (an exercise that starts solved teaches nothing).
 */
const { exercises } = coursePages();

for (const exercise of exercises) {
  test(`${exercise.page} exercise "${exercise.id}": the solution passes, the starting code does not`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.goto(exercise.page);
    const box = page.locator(`race-exercise[data-exercise-id="${exercise.id}"]`);
    const playground = box.locator('race-playground');
    const run = playground.getByRole('button', { name: 'Run', exact: true });

    await box.getByRole('button', { name: 'Show solution' }).click();
    await box.getByRole('button', { name: 'Use this solution' }).click();
    await run.click();
    await expect(box).toHaveAttribute('data-status', /^(passed|failed)$/, { timeout: 200_000 });
    const reasons = await box.locator('[data-part="ex-reasons"] li').allTextContents();
    expect(await box.getAttribute('data-status'), `solution verdict: ${reasons.join(' | ')}`).toBe('passed');

    await playground.getByRole('button', { name: 'Reset' }).click();
    await run.click();
    await expect(box).toHaveAttribute('data-status', 'failed', { timeout: 200_000 });
  });
}

test('a passed exercise counts toward the lesson and shows on the course map', async ({ page }) => {
  test.skip(exercises.length === 0, 'no exercises built');
  const first = exercises[0]!;
  await page.goto(first.page);
  const boxes = page.locator('race-exercise');
  const count = await boxes.count();
  for (let i = 0; i < count; i++) {
    const box = boxes.nth(i);
    await box.getByRole('button', { name: 'Show solution' }).click();
    await box.getByRole('button', { name: 'Use this solution' }).click();
    await box.locator('race-playground').getByRole('button', { name: 'Run', exact: true }).click();
    await expect(box).toHaveAttribute('data-status', 'passed', { timeout: 200_000 });
  }
  const sidebarLink = page.getByRole('navigation', { name: 'Course' }).locator(`a[href="${first.page}"]`);
  await expect(sidebarLink).toContainText('(completed)');
  await page.goto('/');
  await expect(page.locator(`.course-map a[href="${first.page}"]`)).toContainText('(completed)');
  await expect(page.locator('[data-progress-summary]')).toContainText(/^1 of \d+ lessons complete\.$/);
});
