import { test, expect, type Page } from '@playwright/test';
import { loadavg } from 'node:os';
import type { ExploreOptions, ExploreReport } from '../../src/shared/protocol/explore.ts';
import type { RunResult } from '../../src/shared/protocol/index.ts';
import { exploreOptionsFor } from '../../src/shared/exercise.ts';
import { coursePages } from '../course/course-pages.ts';

/**
 * The explorer's figures (design/explorer.md §7), measured in headless
 * Chromium through the real explorer worker (the dev harness's
 * `__explorerHarness`). Each time is printed beside one real Run of the same
 * snippet on the same page, the learner's yardstick: "checking every
 * interleaving costs k runs". Printed, never asserted.
 */

interface Explored {
  report: ExploreReport;
  pageMs: number;
}

async function explore(page: Page, code: string, options: ExploreOptions): Promise<Explored> {
  return page.evaluate(
    ([source, opts]) => (window as unknown as { __explorerHarness: { explore(c: string, o: ExploreOptions): Promise<Explored> } }).__explorerHarness.explore(source, opts),
    [code, options] as const,
  );
}

/** One real Run of `code` on the page: start → end, in ms of the page's clock. */
async function realRun(page: Page, code: string): Promise<number> {
  return page.evaluate(async (source) => {
    const harness = (window as unknown as { __runtimeHarness: { run(c: string): number; result(): Promise<RunResult> } }).__runtimeHarness;
    const started = performance.now();
    harness.run(source);
    await harness.result();
    return performance.now() - started;
  }, code);
}

const LOST_UPDATE = `import { spawn } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(4));
function add(shared: Int32Array) { for (let i = 0; i < 2; i++) shared[0] = shared[0] + 1; }
const tasks = [spawn(add, shared), spawn(add, shared)];
await Promise.all(tasks.map((t) => t.join()));
console.log(\`count = \${shared[0]}\`);
`;

const TWO_BY_TEN = `import { spawn } from "racecourse";
const s = new Int32Array(new SharedArrayBuffer(8));
function work(s: Int32Array, k: number) { for (let i = 0; i < 10; i++) Atomics.add(s, k, 1); }
await Promise.all([spawn(work, s, 0), spawn(work, s, 1)].map((t) => t.join()));
console.log(s[0] + s[1]);
`;

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

test('explorer benchmark', async ({ page }) => {
  await page.goto('/dev/runtime/');
  await page.waitForFunction(() => typeof (window as unknown as { __explorerHarness?: unknown }).__explorerHarness === 'object');
  await explore(page, LOST_UPDATE, { preemptions: 0 }); // the worker's bundle, fetched and compiled once

  const rows: string[][] = [['figure', 'explorer', 'reference (same page)', 'ratio', 'goal']];

  const lostRun = await realRun(page, LOST_UPDATE);
  const lost = await explore(page, LOST_UPDATE, { preemptions: null });
  const lostOutcomes = lost.report.outcomes.map((o) => o.lastLine.replace('count = ', '')).sort().join(', ');
  rows.push([
    `lost update 2×2, no bound: ${lost.report.executions} executions, complete ${lost.report.complete}, outcomes ${lostOutcomes}`,
    `${fmt(lost.pageMs)} ms`,
    `one real Run ${fmt(lostRun)} ms`,
    `${(lost.pageMs / lostRun).toFixed(1)} runs`,
    '≤ 1 s, complete, 2/3/4',
  ]);

  const twoRun = await realRun(page, TWO_BY_TEN);
  const two = await explore(page, TWO_BY_TEN, { preemptions: 2 });
  const perSecond = two.report.executions / (two.report.ms / 1000);
  rows.push([
    `2 lanes × 10 steps, bound 2: ${two.report.executions} executions in ${fmt(two.report.ms)} ms (engine)`,
    `${perSecond.toFixed(0)} executions/s`,
    `one real Run ${fmt(twoRun)} ms`,
    `${(perSecond / 1000).toFixed(2)}× the goal; ${((two.report.ms / two.report.executions) / twoRun).toFixed(4)} runs per execution`,
    '≥ 1,000/s',
  ]);

  for (const exercise of coursePages('').exercises.filter((e) => e.check.explore)) {
    const options = exploreOptionsFor(exercise.check)!;
    const run = await realRun(page, exercise.solution);
    const start = await explore(page, exercise.code, { ...options, stopAtFirstFailure: true });
    rows.push([
      `${exercise.id}: starting code's failure (${start.report.failure ? `found after ${start.report.executions} executions, ${start.report.failure.preemptions} preemptions` : 'NOT FOUND'})`,
      `${fmt(start.pageMs)} ms`,
      `one real Run ${fmt(run)} ms`,
      `${(start.pageMs / run).toFixed(1)} runs`,
      '≤ 1 s',
    ]);
    const solution = await explore(page, exercise.solution, { ...options, preemptions: 2 });
    rows.push([
      `${exercise.id}: solution at bound 2 (${solution.report.executions} executions, complete ${solution.report.complete}, ${solution.report.failures} failing)`,
      `${fmt(solution.pageMs)} ms`,
      `one real Run ${fmt(run)} ms`,
      `${(solution.pageMs / run).toFixed(1)} runs`,
      '≤ 5 s, complete',
    ]);
    expect(start.report.unsupported, exercise.id).toBeUndefined();
  }

  // A failing schedule replayed 20 times (the harness page replays through the engine's own worker protocol).
  const failing = (await explore(page, LOST_UPDATE.replace('console.log', 'console.assert(shared[0] === 4); console.log'), { preemptions: 2 })).report.failure!;
  const replays = await page.evaluate(
    async ([source, schedule]) => {
      const harness = (window as unknown as { __explorerHarness: { replay(c: string, s: string): Promise<ExploreReport> } }).__explorerHarness;
      const out: string[] = [];
      for (let i = 0; i < 20; i++) out.push(JSON.stringify((await harness.replay(source, schedule)).failure?.steps));
      return out;
    },
    [LOST_UPDATE.replace('console.log', 'console.assert(shared[0] === 4); console.log'), failing.schedule] as const,
  );
  const identical = replays.filter((r) => r === JSON.stringify(failing.steps)).length;
  rows.push([`a failing schedule (${failing.schedule}) replayed 20 times`, `${identical} of 20 identical`, 'the search’s own execution', `${identical / 20}`, '20 identical']);
  // Step mode's figures (one click, Back after 100 steps) are in step.bench.ts.

  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const table = [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
  console.log(`\nExplorer (load average ${loadavg().map((v) => v.toFixed(1)).join(' / ')})\n${table}\n`);
});
