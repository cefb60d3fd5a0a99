import { test, expect } from '../fixtures';
import { coursePages } from './course-pages';

/** Every runnable snippet of the course, run for real and held to its declared end state. */
const { snippets } = coursePages();

test('the built course has runnable snippets', () => {
  test.skip(!!process.env.COURSE_LESSON, 'narrowed to one part');
  expect(snippets.length).toBeGreaterThan(0);
});

for (const snippet of snippets) {
  test(`${snippet.page} #${snippet.id} ends ${snippet.expectState}`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(snippet.page);
    const playground = page.locator(`race-playground[data-playground-id="${snippet.id}"]`);
    await playground.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(playground).not.toHaveAttribute('data-state', /^(idle|running)$/, { timeout: 60_000 });
    const state = await playground.getAttribute('data-state');
    const system = await playground.locator('[data-stream="system"]').allTextContents();
    expect(state, `end state; runtime said: ${system.join(' | ')}`).toBe(snippet.expectState);
  });
}
