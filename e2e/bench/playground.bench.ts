import { test } from '@playwright/test';

/**
 * How quickly Run answers in a lesson, measured in the page: from the click to
 * the first output line appearing in the DOM. First Run on a fresh page (no
 * editor loaded, runtime workers not yet started) and a repeated Run.
 * Goals (issue 4): first ≤ 300 ms, repeated ≤ 60 ms on a 2-core machine.
 */
const LESSON = '/learn/foundations/what-your-machine-has/';
const TRIALS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

test('Run → first output line, first and repeated', async ({ browser }) => {
  test.setTimeout(180_000);
  const first: number[] = [];
  const repeated: number[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(LESSON, { waitUntil: 'networkidle' });
    const measure = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const playground = document.querySelector<HTMLElement>('[data-playground-id="count-cores"]')!;
            const output = playground.querySelector('[role="log"]')!;
            const button = playground.querySelector<HTMLButtonElement>('button[data-action="run"]')!;
            const observer = new MutationObserver(() => {
              if (output.querySelector('[data-stream]')) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            });
            observer.observe(output, { childList: true });
            const start = performance.now();
            button.click();
          }),
      );
    first.push(await measure());
    await page.waitForSelector('[data-playground-id="count-cores"][data-state="done"]');
    repeated.push(await measure());
    await page.waitForSelector('[data-playground-id="count-cores"][data-state="done"]');
    await context.close();
  }
  const row = (name: string, values: number[], goal: number) =>
    `| ${name.padEnd(28)} | ${median(values).toFixed(1).padStart(8)} | ${Math.min(...values).toFixed(1).padStart(7)} | ${Math.max(...values).toFixed(1).padStart(7)} | ${String(goal).padStart(7)} | ${(median(values) / goal).toFixed(2).padStart(11)} |`;
  console.log(
    [
      '',
      `Playground: Run → first output line (${TRIALS} fresh pages, ms)`,
      '| measure                      |   median |     min |     max | goal ms | median/goal |',
      '| ---------------------------- | -------: | ------: | ------: | ------: | ----------: |',
      row('first Run on a fresh page', first, 300),
      row('repeated Run', repeated, 60),
      '',
    ].join('\n'),
  );
});
