import { test, expect } from '@playwright/test';
import { checkExploration, exploreOptionsFor } from '../../src/shared/exercise.ts';
import { explore } from '../../src/runtime/explorer/explore.ts';
import { coursePages } from './course-pages';

/**
 * Every exercise whose check explores (ExerciseCheck.explore): the explorer,
 * run in Node on the code the built page holds, finds a failing schedule in
 * the starting code and none in the solution, whose search is complete for
 * its bound (design/explorer.md §5, §7). No browser: the engine is plain code.
 * Figures (executions, ms) are printed, never asserted.
 */
const { exercises } = coursePages();
const explored = exercises.filter((exercise) => exercise.check.explore);

test('the built course has exercises checked by exploration', () => {
  test.skip(!!process.env.COURSE_LESSON, 'narrowed to one part');
  expect(explored.length).toBeGreaterThan(0);
});

for (const exercise of explored) {
  test(`${exercise.page} exercise "${exercise.id}": exploration fails the starting code and passes the solution`, () => {
    test.setTimeout(60_000);
    const options = exploreOptionsFor(exercise.check)!;

    const start = explore(exercise.code, options);
    const solution = explore(exercise.solution, { ...options, stopAtFirstFailure: false });
    console.log(
      `${exercise.id}: start failed after ${start.executions} executions in ${Math.round(start.ms)} ms ` +
        `(${start.failure?.state ?? 'no failure'}); solution ${solution.executions} executions, ` +
        `complete ${solution.complete} at bound ${solution.bound}, ${Math.round(solution.ms)} ms`,
    );

    expect(start.unsupported, 'the starting code can be explored').toBeUndefined();
    expect(checkExploration(start).passed, 'the starting code fails its exploration').toBe(false);
    expect(start.failure, 'a failing schedule to show').toBeDefined();

    const verdict = checkExploration(solution);
    expect(verdict.reasons, 'the solution passes its exploration').toEqual([]);
    // Complete: every schedule with up to the bound's preemptions was run (the search may end below
    // the bound when no schedule needs that many).
    expect(solution.complete, 'every schedule up to the bound was tried').toBe(true);
  });
}
