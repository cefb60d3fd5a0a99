import { test, expect } from '../fixtures';
import { reveal } from '../playground/helpers';

const LESSON = '/learn/foundations/what-your-machine-has/';

test('the first Tab reaches the skip link, which moves focus to the lesson', async ({ page }) => {
  await page.goto(LESSON);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('the sidebar can be walked with Tab, marks the current lesson, and Enter follows a link', async ({ page }) => {
  await page.goto(LESSON);
  const sidebar = page.getByRole('navigation', { name: 'Course' });
  const sidebarLinks = await sidebar.getByRole('link').evaluateAll((links) =>
    links.map((l) => l.textContent?.trim() ?? ''),
  );
  expect(sidebarLinks.length).toBeGreaterThan(1);
  await expect(sidebar.getByRole('link', { name: 'What your machine has' })).toHaveAttribute('aria-current', 'page');

  // Tab through the page and record which sidebar links take focus, in order.
  const focusedInSidebar: string[] = [];
  for (let i = 0; i < 40 && focusedInSidebar.length < sidebarLinks.length; i++) {
    await page.keyboard.press('Tab');
    const inSidebar = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('nav[aria-label="Course"]') ? (el.textContent?.trim() ?? '') : null;
    });
    if (inSidebar !== null) focusedInSidebar.push(inSidebar);
  }
  expect(focusedInSidebar).toEqual(sidebarLinks);

  // Focus is now on the last sidebar link; go back to the part link and follow it with Enter.
  await sidebar.getByRole('link', { name: 'Foundations' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/#part-foundations$/);
});

test('the lesson has a table of contents, and previous/next navigation', async ({ page }) => {
  await page.goto(LESSON);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc.getByRole('link', { name: 'Counting cores' })).toHaveAttribute('href', '#counting-cores');
  await toc.getByRole('link', { name: 'Concurrency is not parallelism' }).click();
  await expect(page).toHaveURL(/#concurrency-is-not-parallelism$/);
  await expect(page.getByRole('navigation', { name: 'Previous and next lesson' })).toBeAttached();
});

test('without any script the lesson reads fully, with highlighted code', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(LESSON);
  await expect(page.getByRole('heading', { level: 1, name: 'What your machine has' })).toBeVisible();
  const code = page.locator('pre.astro-code').first();
  await expect(code).toContainText('navigator.hardwareConcurrency');
  // Highlighted: tokens carry Shiki's per-theme colours, and they differ from plain text.
  const colours = await code.locator('span[style*="--shiki-light"]').evaluateAll((spans) =>
    new Set(spans.map((s) => getComputedStyle(s).color)).size,
  );
  expect(colours).toBeGreaterThan(2);
  // No controls that would do nothing without script.
  await expect(page.getByRole('button')).toHaveCount(0);
  await context.close();
});

test('a lesson prints readably: the lesson and its code, without navigation or controls', async ({ page }) => {
  await page.goto(LESSON);
  // A playground's controls, shown on screen, are left out of print.
  const run = (await reveal(page.locator('race-playground').first())).getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Course' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeHidden();
  await expect(run).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('pre.astro-code').first()).toBeVisible();
});

test('each lesson has its own description and Open Graph tags, and the sitemap lists it', async ({ page, request }) => {
  await page.goto(LESSON);
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  expect(description?.length).toBeGreaterThan(20);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /What your machine has/);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain('/learn/foundations/what-your-machine-has/</loc>');
});
