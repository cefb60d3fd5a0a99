import { test, expect } from '../fixtures';
import { coursePages } from './course-pages';
import { reveal } from '../playground/helpers';

/** Every runnable snippet of the course, run for real and held to its declared end state. */
const { snippets } = coursePages();

test('the built course has runnable snippets', () => {
  test.skip(!!process.env.COURSE_LESSON, 'narrowed to one part');
  expect(snippets.length).toBeGreaterThan(0);
});

// One test per lesson page: the page and its runtime frame are set up once, and its snippets run
// one after another, as a reader would run them. Each snippet is a step of its own, and a wrong
// end state fails that step without hiding the others' results.
const pages = Map.groupBy(snippets, (snippet) => snippet.page);

for (const [path, onPage] of pages) {
  test(`${path}: every snippet ends as declared (${onPage.map((s) => `#${s.id}`).join(', ')})`, async ({ page }) => {
    test.setTimeout(60_000 + onPage.length * 75_000);
    await page.goto(path);
    for (const snippet of onPage) {
      await test.step(`#${snippet.id} ends ${snippet.expectState}`, async () => {
        const playground = await reveal(page.locator(`race-playground[data-playground-id="${snippet.id}"]`));
        await playground.getByRole('button', { name: 'Run', exact: true }).click();
        // Longer than the longest snippet time limit (60 s), so that the runtime's own limit decides.
        await expect(playground).not.toHaveAttribute('data-state', /^(idle|running)$/, { timeout: 75_000 });
        const state = await playground.getAttribute('data-state');
        const system = await playground.locator('[data-stream="system"]').allTextContents();
        expect.soft(state, `#${snippet.id} end state; runtime said: ${system.join(' | ')}`).toBe(snippet.expectState);
      });
    }
  });
}
