import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '../fixtures';

/**
 * axe-core on every kind of page, in both themes, at rest and with its
 * read-outs and editor showing: zero violations.
 */
const PAGES = ['/', '/learn/foundations/what-your-machine-has/', '/learn/performance/speedup-and-amdahl/', '/playground/'];

for (const scheme of ['light', 'dark'] as const) {
  for (const path of PAGES) {
    test(`${path} has no axe violations in the ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test(`a playground after a run, with the editor open, has no axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/playground/');
    const playground = page.locator('race-playground');
    await playground.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(playground).toHaveAttribute('data-state', 'done');
    await playground.getByRole('button', { name: 'Edit' }).click();
    await expect(playground.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
