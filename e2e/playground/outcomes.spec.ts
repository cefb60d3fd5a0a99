import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { reveal } from './helpers';

/**
 * Labelled outcomes (src/shared/outcomes.ts): a lesson's playground declares
 * what its outcomes mean, and Explore and Run ×N label every outcome they
 * see. Explore runs the small version (`exploring`), whose lines differ from
 * a real run's: the declaration's `exploring` line is what labels them.
 * Run ×20 of the race demos is held to its labels in e2e/course/race-demos.spec.ts.
 */

const RACES = '/learn/races/lost-updates/';
const DEADLOCK = '/learn/deadlock/deadlock/';

async function lessonPlayground(page: Page, path: string, id: string): Promise<Locator> {
  await page.goto(path);
  return reveal(page.locator(`race-playground[data-playground-id="${id}"]`));
}

async function explore(playground: Locator): Promise<Locator> {
  await playground.getByRole('button', { name: 'Explore', exact: true }).click();
  const status = playground.getByRole('status', { name: 'Exploration' });
  await expect(status).toHaveAttribute('data-finished', 'true', { timeout: 120_000 });
  return status;
}

/** Starts Run ×20 and stops it once `row` has been counted: enough runs to show the table, without waiting for all. */
async function runUntil(playground: Locator, row: (histogram: Locator) => Locator): Promise<Locator> {
  await playground.getByRole('button', { name: 'Run ×20' }).click();
  const histogram = playground.locator('[data-part="histogram"]');
  await expect(row(histogram).first()).toHaveAttribute('data-count', /^[1-9]/, { timeout: 120_000 });
  await playground.getByRole('button', { name: 'Stop' }).click();
  await expect(playground).toHaveAttribute('data-state', 'stopped');
  return histogram;
}

test('exploring the lost update labels the small version\'s right count expected and the lost ones forbidden', async ({ page }) => {
  test.setTimeout(180_000);
  const playground = await lessonPlayground(page, RACES, 'lost-updates');
  const status = await explore(playground);
  await expect(status).toHaveAttribute('data-complete', 'true');
  const items = status.getByRole('list', { name: 'Outcomes' }).getByRole('listitem');
  await expect(items).toHaveCount(3);
  const labels: Record<string, string> = Object.fromEntries(
    await items.evaluateAll((all) => all.map((item) => [(item as HTMLElement).dataset.outcome ?? '', (item as HTMLElement).dataset.label ?? ''] as const)),
  );
  // `exploring` makes each worker add twice: 4 is every addition counted.
  expect(labels).toEqual({ 'count = 4': 'expected', 'count = 3': 'forbidden', 'count = 2': 'forbidden' });
  // The label is a word on the page, with what the outcome means.
  const right = status.locator('li[data-outcome="count = 4"]');
  await expect(right).toContainText('expected');
  await expect(right).toContainText('every addition counted');
  await expect(status.locator('li[data-outcome="count = 2"]')).toContainText(/forbidden.*updates were lost/);
});

test('a deadlock demo labels its deadlock in Explore and in Run ×N alike', async ({ page }) => {
  test.setTimeout(180_000);
  const playground = await lessonPlayground(page, DEADLOCK, 'two-transfers');
  const status = await explore(playground);
  const items = status.getByRole('list', { name: 'Outcomes' }).getByRole('listitem');
  await expect(items.first()).toBeVisible();
  for (const item of await items.all()) {
    await expect(item).toHaveAttribute('data-state', 'deadlock');
    await expect(item).toHaveAttribute('data-label', 'forbidden');
    await expect(item).toContainText('each transfer holds the account the other needs');
  }

  // A real run ends `error` with a deadlock report: Run ×N names it (deadlock), the key that labels it.
  const histogram = await runUntil(playground, (h) => h.locator('tr[data-outcome="(deadlock)"]'));
  const table = histogram.getByRole('table', { name: /^Outcomes of \d+ of 20 runs/ });
  const deadlock = table.getByRole('row', { name: /\(deadlock\)/ });
  await expect(deadlock).toHaveAttribute('data-label', 'forbidden');
  await expect(deadlock.getByRole('cell').nth(1)).toHaveText('forbidden');
  // The right outcome never came: its row says so with 0.
  const done = table.locator('tr[data-outcome="both transfers done"]');
  await expect(done).toHaveAttribute('data-count', '0');
  await expect(done).toHaveAttribute('data-label', 'expected');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the outcome table and the labelled outcomes have no axe violations (${scheme})`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: scheme });
    const playground = await lessonPlayground(page, RACES, 'lost-updates');
    const histogram = await runUntil(playground, (h) => h.locator('tr[data-label="forbidden"]'));
    await expect(histogram.getByRole('table')).toBeVisible();
    const selector = 'race-playground[data-playground-id="lost-updates"]';
    const violations = async () =>
      (await new AxeBuilder({ page }).include(selector).analyze()).violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    expect(await violations(), 'Run ×N table').toEqual([]);
    await explore(playground);
    await expect(playground.locator('li[data-label="expected"]')).toBeVisible();
    expect(await violations(), 'Explore').toEqual([]);
  });
}
