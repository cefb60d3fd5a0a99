import { test, expect } from '../fixtures';
import type { Page } from '@playwright/test';

const LESSON = '/learn/foundations/what-your-machine-has/';

const backgroundOf = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
/** The colour of the first code token whose light and dark theme colours differ. */
const codeColourOf = (page: Page) =>
  page.locator('pre.astro-code').first().evaluate((pre) => {
    const token = [...pre.querySelectorAll<HTMLElement>('span[style]')].find(
      (s) => s.style.getPropertyValue('--shiki-light') !== s.style.getPropertyValue('--shiki-dark'),
    );
    return token ? getComputedStyle(token).color : 'no themed token';
  });

/** Relative luminance of an `rgb(r, g, b)` string, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`follows the system's ${scheme} scheme when no choice is stored`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(LESSON);
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    const lum = luminance(await backgroundOf(page));
    if (scheme === 'dark') expect(lum).toBeLessThan(0.2);
    else expect(lum).toBeGreaterThan(0.8);
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
      'aria-pressed',
      String(scheme === 'dark'),
    );
  });
}

test('the theme toggle switches page and code colours and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(LESSON);
  const lightBackground = await backgroundOf(page);
  const lightCode = await codeColourOf(page);

  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await backgroundOf(page)).not.toBe(lightBackground);
  expect(await codeColourOf(page)).not.toBe(lightCode);

  // The choice outlives a reload and beats the system's light preference.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Dark theme' }).press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('without script, the page still follows the system dark scheme', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(LESSON);
  expect(luminance(await backgroundOf(page))).toBeLessThan(0.2);
  await context.close();
});
