import { test, expect } from '@playwright/test';
import { stepView } from '../../src/runtime/explorer/step.ts';
import { coursePages } from './course-pages';

/**
 * Step mode on every snippet of the built course (design/explorer.md §3):
 * what a learner sees after pressing Step through, through the same engine
 * the page's explorer worker runs, in Node. Each snippet either opens at
 * step 0 with something to press, or says in plain words why it cannot be
 * stepped, naming the line (a `fetch`, a raw `Worker`). One that opens is
 * finished with Random to end, and the schedule that made replays to the
 * same end, as Share and Next would. The browser side of Step mode is
 * tested on the playground (e2e/playground/step.spec.ts).
 */
const { snippets } = coursePages();

test('the built course has snippets', () => {
  test.skip(!!process.env.COURSE_LESSON, 'narrowed to one part');
  expect(snippets.length).toBeGreaterThan(10);
});

for (const snippet of snippets) {
  test(`${snippet.page} #${snippet.id}: Step through opens, or says why not`, () => {
    test.setTimeout(60_000);
    const start = stepView(snippet.code, { schedule: null, steps: 0 });
    if (!start.ok) {
      console.log(`${snippet.page}#${snippet.id}: cannot be stepped: ${start.message}`);
      expect(start.message, 'a plain sentence').toMatch(/^[A-Z].*[.)]$/s);
      expect(start.message, 'not the explorer failing').not.toMatch(/a bug in the explorer/);
      expect(start.mismatch).toBeFalsy();
      return;
    }
    expect(start.view.step).toBe(0);
    expect(start.view.choices.length + (start.view.ended ? 1 : 0), 'something to press, or already over').toBeGreaterThan(0);
    const end = stepView(snippet.code, { schedule: null, steps: 0, random: true });
    if (!end.ok) {
      // Random choices can reach code the explorer cannot control (a timer's callback that fetches …): said, not thrown.
      expect(end.message).not.toMatch(/a bug in the explorer/);
      return;
    }
    expect(end.view.ended, 'Random to end ends the execution').toBeDefined();
    const again = stepView(snippet.code, { schedule: end.view.schedule, steps: end.view.scheduleLength });
    expect(again.ok && again.view.ended, 'its schedule replays to the same end').toEqual(end.view.ended);
    expect(again.ok && again.view.output).toEqual(end.view.output);
  });
}
