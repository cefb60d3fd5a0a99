import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { test, expect } from '../fixtures';
import { openPlayground, runAndWait, output } from './helpers';

/**
 * The message chart under the timeline (views/message-chart-view.ts) and the
 * timeline's time axis, on real runs: every message between lanes is an arrow
 * from the sender to the receiver, with a table alternative; a run without
 * messages shows no chart; the axis has ticks and a mark per output line.
 */

const PIPELINE = `import { spawn, Channel } from "racecourse";
const raw = new Channel<number>(2, "raw");
const cooked = new Channel<number>(2, "cooked");
const source = spawn(async (raw: Channel<number>) => {
  for (let i = 1; i <= 5; i++) await raw.send(i);
  raw.close();
}, raw);
const stage = spawn(async (raw: Channel<number>, cooked: Channel<number>) => {
  for await (const n of raw) await cooked.send(n * 10);
  cooked.close();
}, raw, cooked);
for await (const n of cooked) console.log(n);
await source.join();
await stage.join();`;

const PING_PONG = `import { spawn } from "racecourse";
const echo = spawn(() => new Promise<void>((done) => {
  onmessage = (event: MessageEvent<number>) => {
    postMessage(event.data + 1);
    if (event.data >= 4) done();
  };
}));
let answers = 0;
echo.onmessage = (event: MessageEvent<number>) => {
  console.log("got", event.data);
  if (++answers < 3) echo.postMessage(event.data + 1);
};
echo.postMessage(0);
await echo.join();`;

const POOL = `import { Pool } from "racecourse";
const pool = new Pool(2);
const results = await Promise.all([1, 2, 3].map((n) => pool.submit((x: number) => x * x, n)));
console.log(results.join(" "));
await pool.close();`;

const NO_MESSAGES = `import { spawn } from "racecourse";
const task = spawn(() => 6 * 7);
console.log("one", await task.join());
console.log("two");`;

const FLOOD = `import { spawn, Channel } from "racecourse";
const numbers = new Channel<number>(256, "numbers");
const producer = spawn(async (numbers: Channel<number>) => {
  for (let i = 0; i < 5000; i++) await numbers.send(i);
  numbers.close();
}, numbers);
let sum = 0;
for await (const n of numbers) sum += n;
await producer.join();
console.log(sum);`;

const chart = (playground: Locator) => playground.getByRole('img', { name: 'Messages' });
const arrows = (playground: Locator, from: string, to: string, kind: string) =>
  chart(playground).locator(`[data-from="${from}"][data-to="${to}"][data-kind="${kind}"]`);

test('a channel pipeline draws each item from its sender to its receiver, and the table has the rows', async ({ page }) => {
  const playground = await openPlayground(page, PIPELINE);
  await runAndWait(playground);
  await expect(arrows(playground, 'worker-1', 'worker-2', 'channel')).toHaveCount(5);
  await expect(arrows(playground, 'worker-2', 'main', 'channel')).toHaveCount(5);
  await expect(chart(playground).locator('[data-from]')).toHaveCount(10);
  await expect(playground.getByText('10 messages between lanes.')).toBeVisible();
  // Laid out as a chart on a desktop screen: one row per lane, in the timeline's order.
  const labelTops = await playground.locator('.pg-msg-labels span').evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().top));
  expect(labelTops.length).toBeGreaterThanOrEqual(3);
  for (let i = 1; i < labelTops.length; i++) expect(labelTops[i]!).toBeGreaterThan(labelTops[i - 1]!);

  await playground.getByText('Messages as a table').click();
  const rows = playground.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Received at' }) }).locator('tbody tr');
  await expect(rows).toHaveCount(10);
  await expect(rows.filter({ hasText: 'channel raw' })).toHaveCount(5);
  await expect(rows.filter({ hasText: 'channel cooked' }).first()).toContainText('worker-2main');
  // Every item is received after it was sent.
  for (const row of await rows.all()) {
    const cells = await row.locator('td').allTextContents();
    expect(parseFloat(cells[4]!)).toBeGreaterThanOrEqual(parseFloat(cells[0]!));
  }
});

test('a postMessage ping-pong draws both directions', async ({ page }) => {
  const playground = await openPlayground(page, PING_PONG);
  await runAndWait(playground);
  await expect(arrows(playground, 'main', 'worker-1', 'postMessage')).toHaveCount(3);
  await expect(arrows(playground, 'worker-1', 'main', 'postMessage')).toHaveCount(3);
});

test('a pool sends jobs out and results back', async ({ page }) => {
  const playground = await openPlayground(page, POOL);
  await runAndWait(playground);
  const out = chart(playground).locator('[data-from="main"][data-kind="job"]');
  const back = chart(playground).locator('[data-to="main"][data-kind="result"]');
  await expect(out).toHaveCount(3);
  await expect(back).toHaveCount(3);
  for (const arrow of await out.all()) expect(await arrow.getAttribute('data-to')).toMatch(/^worker-[12]$/);
});

test('a run without messages shows no chart; the time axis has ticks and one mark per output line', async ({ page }) => {
  const playground = await openPlayground(page, NO_MESSAGES);
  await runAndWait(playground);
  await expect(chart(playground)).toHaveCount(0);
  await expect(playground.locator('[data-part="messages"]')).toBeHidden();

  const timeline = playground.getByRole('img', { name: 'Timeline' });
  expect(await timeline.locator('.pg-tick').count()).toBeGreaterThanOrEqual(2);
  await expect(timeline.locator('.pg-tick').first()).toHaveAttribute('data-ms', '0');
  // Ticks stand apart on the axis, each at its time, not run together as one word.
  const ticks = await timeline.locator('.pg-tick').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((b) => ({ left: b.left, right: b.right })));
  for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.left - ticks[i - 1]!.right).toBeGreaterThan(4);
  const lines = output(playground).locator('.pg-line');
  await expect(lines).toHaveCount(2);
  const marks = timeline.locator('.pg-print-mark');
  await expect(marks).toHaveCount(2);
  // Each mark stands at its line's time, and the line says when it was printed.
  const times = await lines.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.t));
  expect(await marks.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.t))).toEqual(times);
  await expect(lines.first()).toHaveAttribute('title', /^printed at \d+ ms$/);
});

test('a flood of channel items draws the first 2,000 and counts the rest', async ({ page }) => {
  const playground = await openPlayground(page, FLOOD);
  await runAndWait(playground);
  await expect(output(playground)).toContainText('12497500');
  await expect(chart(playground).locator('[data-from="worker-1"][data-to="main"]')).toHaveCount(2000);
  await expect(playground.getByText('5,000 messages between lanes: the first 2,000 are drawn; 3,000 more are not.')).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a playground with the message chart and its table shown has no axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const playground = await openPlayground(page, PIPELINE);
    await runAndWait(playground);
    await expect(chart(playground)).toBeVisible();
    await playground.getByText('Messages as a table').click();
    await playground.getByText('Timeline as a table').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    const results = await new AxeBuilder({ page }).include('[data-playground]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
