import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { openPlayground, reveal } from '../playground/helpers';
import { coursePages, type SnippetRef } from './course-pages';

/**
 * The course on machines of other sizes. A run's core count is the page's
 * `navigator.hardwareConcurrency`: the runner reads it when a run starts, and
 * every worker of the run sees it as `cores` and as its own
 * `navigator.hardwareConcurrency`. So this spec reports 1, 2, 8 and 32 cores
 * on the page (an init script, before the page's own scripts) and runs every
 * snippet whose behaviour depends on the core count, each held to its declared
 * end state as in snippets.spec.ts. (Exercises, whose checks run a snippet many
 * times, are checked on the real core count by exercises.spec.ts; on four
 * counts they would add tens of minutes to every test run.)
 *
 * Selection rule: a snippet depends on the core count when its source imports
 * `cores` from "racecourse", reads `hardwareConcurrency`, or makes a
 * `new Pool()` without a size (whose default is `cores`).
 *
 * That the override reaches the workers is checked twice: each core count's
 * test first runs a snippet on /playground/ that prints the count seen by
 * main and by a spawned task; and at 32 every run must show that it saw 32:
 * a line naming "32 cores" (the snippets that go past the core count print
 * the count they saw) or at least 33 workers in the read-out (main and one per
 * core). On a machine that really has 32 cores the second check proves
 * nothing, but the first still fails there for 1, 2 and 8.
 */
const COUNTS = [1, 2, 8, 32] as const;
const PROVEN_AT = 32;

const USES_CORES = /import\s*\{[^}]*\bcores\b[^}]*\}\s*from\s*["']racecourse["']|\bhardwareConcurrency\b|new Pool\(\s*\)/;

const all = coursePages();
const snippets = all.snippets.filter((s) => USES_CORES.test(s.code));
const pages = [...new Set(snippets.map((item) => item.page))];

const PROBE = [
  'import { spawn, cores } from "racecourse";',
  'const task = await spawn(() => `${cores} ${navigator.hardwareConcurrency}`).join();',
  'console.log(`main ${cores} ${navigator.hardwareConcurrency}, task ${task}`);',
].join('\n');

/** Reports `cores` logical cores on every page and frame of this test, from the first script on. */
async function reportCores(page: Page, cores: number): Promise<void> {
  await page.addInitScript((n) => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n, configurable: true });
  }, cores);
}

/** Whether the finished run in `playground` shows that it saw 32 cores (see the comment at the top). */
async function saw32(playground: Locator): Promise<string | undefined> {
  const lines = await playground.getByRole('log', { name: 'Output' }).locator('[data-stream] .pg-line-text').allTextContents();
  const workers = Number(await playground.getByRole('status', { name: 'Timing' }).getAttribute('data-workers'));
  if (lines.some((line) => /\b32 (logical )?cores\b/.test(line)) || workers >= 33) return undefined;
  return `no line names 32 cores and the read-out counts ${workers} workers; output: ${lines.join(' | ')}`;
}

async function runSnippet(page: Page, snippet: SnippetRef, cores: number): Promise<void> {
  const playground = await reveal(page.locator(`race-playground[data-playground-id="${snippet.id}"]`));
  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  // Longer than the longest snippet time limit (60 s), so that the runtime's own limit decides.
  await expect(playground).not.toHaveAttribute('data-state', /^(idle|running)$/, { timeout: 75_000 });
  const state = await playground.getAttribute('data-state');
  const system = await playground.locator('[data-stream="system"]').allTextContents();
  expect.soft(state, `#${snippet.id} on ${cores} cores: end state; runtime said: ${system.join(' | ')}`).toBe(snippet.expectState);
  if (cores === PROVEN_AT) expect.soft(await saw32(playground), `#${snippet.id} saw ${cores} cores`).toBeUndefined();
}

test('the built course has snippets that depend on the core count', () => {
  test.skip(!!process.env.COURSE_LESSON, 'narrowed to one part');
  expect(snippets.length).toBeGreaterThan(0);
});

for (const cores of COUNTS) {
  test(`with ${cores} ${cores === 1 ? 'core' : 'cores'} reported, every snippet that depends on the core count ends as declared`, async ({ page }) => {
    test.skip(pages.length === 0, 'no such snippets in this part');
    test.setTimeout(60_000 + snippets.length * 75_000);
    await reportCores(page, cores);

    await test.step(`the run's workers see ${cores} cores`, async () => {
      const probe = await openPlayground(page, PROBE);
      await probe.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(probe).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
      // Soft: without the runtime's support the snippets below still run, on the real count.
      await expect
        .soft(probe.getByRole('log', { name: 'Output' }).locator('[data-stream="log"] .pg-line-text'))
        .toHaveText([`main ${cores} ${cores}, task ${cores} ${cores}`]);
    });

    for (const path of pages) {
      await page.goto(path);
      for (const snippet of snippets.filter((s) => s.page === path)) {
        await test.step(`${path}#${snippet.id} ends ${snippet.expectState}`, () => runSnippet(page, snippet, cores));
      }
    }
  });
}
