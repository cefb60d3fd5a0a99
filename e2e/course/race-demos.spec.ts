import { test, expect } from '../fixtures';
import type { Locator } from '@playwright/test';
import { reveal } from '../playground/helpers';

/**
 * The races and locks lessons promise outcomes over many runs: a race demo
 * must show the race in (nearly) every run, and its fixed versions must be
 * right in every run. Each is held to that over Run ×20, read from the
 * histogram of last lines. (The lessons quote Run ×100 figures measured by
 * hand; 20 runs keep this test short.) Each declares what its outcomes mean,
 * so the histogram is a table that labels every outcome: the right answer
 * `expected`, every wrong one `forbidden`, each with its description.
 */

interface Demo {
  page: string;
  id: string;
  /** The right answer: the last line a correct run prints. */
  correct: string;
  /** How many of the 20 runs must print something else (the race shows). */
  minWrong?: number;
  /** How many of the 20 runs must print `correct`. */
  minRight?: number;
}

const RACES = '/learn/races/lost-updates/';
const LOCKS = '/learn/locks/locks-and-atomics/';

const demos: Demo[] = [
  { page: RACES, id: 'lost-updates', correct: 'count = 400000', minWrong: 19 },
  { page: RACES, id: 'forgotten-lock', correct: 'count = 400000', minWrong: 19 },
  { page: RACES, id: 'tickets', correct: 'sold 5 tickets for 5 seats', minWrong: 19 },
  { page: LOCKS, id: 'atomic-count', correct: 'count = 400000', minRight: 20 },
  { page: LOCKS, id: 'mutex-count', correct: 'count = 200000', minRight: 20 },
];

/** The runs' outcomes: exact last lines with their counts, and the ranges the histogram grouped singles into; each with its label. */
interface Outcomes {
  exact: Map<string, number>;
  ranges: { from: number; to: number; count: number }[];
  /** Each row's outcome (or range) → its `data-label`, the label word shown in it, and its description. */
  labels: { row: string; count: number; label: string; word: string; text: string }[];
  /** Outcomes lumped as "other": the histogram could neither list nor group them. */
  other: number;
}

async function runTwenty(playground: Locator): Promise<Outcomes> {
  await reveal(playground);
  await playground.getByRole('button', { name: 'Run ×20' }).click();
  await expect(playground.locator('[data-part="histogram"] .pg-histogram-title')).toHaveText(
    /^Outcomes of 20 of 20 runs/,
    { timeout: 150_000 },
  );
  const histogram = playground.locator('[data-part="histogram"]');
  const buckets = await histogram.locator('[data-outcome][data-count]').evaluateAll((items) =>
    items.map((item) => [(item as HTMLElement).dataset.outcome ?? '', Number((item as HTMLElement).dataset.count)] as const),
  );
  const ranges = await histogram.locator('[data-range]').evaluateAll((items) =>
    items.map((item) => {
      const [from, to] = ((item as HTMLElement).dataset.range ?? '').split('-').map(Number);
      return { from: from ?? NaN, to: to ?? NaN, count: Number((item as HTMLElement).dataset.count ?? /^(\d+)/.exec(item.textContent ?? '')?.[1] ?? 0) };
    }),
  );
  // Bars lump the rest in an item of their own; the table in a row marked data-other.
  const other = await histogram.locator('li:not([data-outcome]):not([data-range]), tr[data-other]').allTextContents();
  const table = histogram.getByRole('table', { name: /^Outcomes of 20 of 20 runs/ });
  await expect(table.getByRole('columnheader')).toHaveText(['Outcome', 'Runs', 'Label', 'What it means']);
  const labels = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const tr = row as HTMLTableRowElement;
      return {
        row: tr.dataset.outcome ?? tr.dataset.range ?? tr.querySelector('th')?.textContent ?? '',
        count: Number(tr.dataset.count),
        label: tr.dataset.label ?? '',
        word: tr.cells[2]?.textContent ?? '',
        text: tr.cells[3]?.textContent ?? '',
      };
    }),
  );
  return {
    labels,
    exact: new Map<string, number>(buckets),
    ranges,
    other: other.reduce((sum, text) => sum + Number(/^(\d+)/.exec(text)?.[1] ?? 0), 0),
  };
}

for (const demo of demos) {
  test.describe(() => {
    test.skip(
      !!process.env.COURSE_LESSON && !demo.page.startsWith(process.env.COURSE_LESSON),
      'narrowed to another part',
    );
    test(`${demo.page} #${demo.id} over 20 runs`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto(demo.page);
      const playground = page.locator(`race-playground[data-playground-id="${demo.id}"]`);
      const outcomes = await runTwenty(playground);
      const summary = [
        ...[...outcomes.exact].map(([outcome, count]) => `${count} × ${outcome}`),
        ...outcomes.ranges.map((r) => `${r.count} × ${r.from}…${r.to}`),
        `${outcomes.other} × other`,
      ].join(' | ');
      // Every run ended done and printed an answer of the right shape: a run that failed, timed
      // out or printed nothing must not count as "showed the race".
      const shape = new RegExp(`^${demo.correct.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+/g, '-?\\d+')}$`);
      for (const outcome of outcomes.exact.keys()) expect(outcome, summary).toMatch(shape);
      expect(outcomes.other, summary).toBe(0);
      // The histogram groups by the line's last number.
      const correctValue = Number(/(-?\d+)\D*$/.exec(demo.correct)?.[1]);
      const right = outcomes.exact.get(demo.correct) ?? 0;
      // A range holds values seen once each; one that spans the right answer may hold it once.
      const wrong =
        [...outcomes.exact].filter(([outcome]) => outcome !== demo.correct).reduce((n, [, count]) => n + count, 0) +
        outcomes.ranges.reduce((n, r) => n + r.count - (r.from <= correctValue && correctValue <= r.to ? 1 : 0), 0);
      if (demo.minWrong !== undefined) expect(wrong, `runs that showed the race: ${summary}`).toBeGreaterThanOrEqual(demo.minWrong);
      if (demo.minRight !== undefined) expect(right, `runs that came out right: ${summary}`).toBeGreaterThanOrEqual(demo.minRight);

      // The declared labels: the right answer `expected` (a row of its own, with 0 when it never came), every
      // other outcome seen `forbidden`; the word is in the cell, with what it means.
      const rightRow = outcomes.labels.find((l) => l.row === demo.correct);
      expect(rightRow, summary).toMatchObject({ count: right, label: 'expected', word: 'expected' });
      expect(rightRow?.text).not.toBe('');
      const wrongRows = outcomes.labels.filter((l) => l.row !== demo.correct && l.count > 0);
      expect(wrongRows.reduce((n, l) => n + l.count, 0), summary).toBe(20 - right);
      for (const row of wrongRows) {
        expect(row, summary).toMatchObject({ label: 'forbidden', word: 'forbidden' });
        expect(row.text).toMatch(/lost|oversold/);
      }
    });
  });
}
