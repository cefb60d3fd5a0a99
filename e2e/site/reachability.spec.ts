import { test, expect, sameOriginLinks } from '../fixtures';

test('every page is reachable from the home page, served isolated, with no console errors', async ({ page }) => {
  const seen = new Set<string>();
  const queue = ['/'];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);

    const response = await page.goto(path);
    expect(response?.status(), `status of ${path}`).toBe(200);
    const headers = response!.headers();
    expect(headers['cross-origin-opener-policy'], path).toBe('same-origin');
    expect(headers['cross-origin-embedder-policy'], path).toBe('require-corp');
    expect(await page.evaluate(() => crossOriginIsolated), `crossOriginIsolated on ${path}`).toBe(true);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    for (const link of await sameOriginLinks(page)) {
      if (!seen.has(link)) queue.push(link);
    }
  }
  // The crawl must have found the course's fixed pages and at least one lesson.
  expect([...seen]).toEqual(expect.arrayContaining(['/', '/playground/']));
  expect([...seen].some((p) => p.startsWith('/learn/'))).toBe(true);
});

test('the home page maps the course: parts, lessons and summaries', async ({ page }) => {
  await page.goto('/');
  const map = page.locator('.course-map');
  await expect(map.getByRole('heading', { level: 2, name: 'Foundations' })).toBeVisible();
  const lessonLink = map.getByRole('link', { name: 'What your machine has' });
  await expect(lessonLink).toHaveAttribute('href', '/learn/foundations/what-your-machine-has/');
  await expect(map).toContainText('Count your cores');
});

test('an unknown address gets the 404 page with a way back', async ({ page, consoleErrors }) => {
  const response = await page.goto('/no-such-lesson/');
  expect(response?.status()).toBe(404);
  // Chromium logs the 404 itself; that one error is the point of this test.
  expect(consoleErrors).toEqual([expect.stringContaining('status of 404')]);
  consoleErrors.length = 0;
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the course map' }).click();
  await expect(page).toHaveURL('/');
});
