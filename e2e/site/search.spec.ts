import { test, expect } from '../fixtures';

test('/ focuses the search box, and results link to lessons with the matching passage', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search the course' });
  await expect(box).toBeFocused();
  await box.fill('hardwareConcurrency');
  const results = page.getByRole('list', { name: 'Search results' });
  const first = results.getByRole('link').first();
  await expect(first).toBeVisible();
  await expect(results.locator('mark').first()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/learn\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a search with no match says so in words', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search the course' });
  await box.fill('zzqxv');
  await expect(page.locator('#site-search-status')).toHaveText(/No lesson mentions/);
  await box.press('Escape');
  await expect(page.locator('#site-search-status')).toBeHidden();
});

test('typing / inside a text field types a slash instead of jumping to search', async ({ page }) => {
  await page.goto('/playground/');
  await page.getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByRole('textbox', { name: /code editor/ });
  await expect(editor).toBeFocused({ timeout: 60_000 });
  await page.keyboard.type('/');
  await expect(page.getByRole('searchbox', { name: 'Search the course' })).not.toBeFocused();
});
