import { join } from 'node:path';
import { test, expect } from '../fixtures';
import { startStaticServer } from '../tools/static-server';
import { reveal } from '../playground/helpers';

/**
 * Hosting anywhere: served by a plain static server that sends no isolation
 * headers (like GitHub Pages), the service worker restores isolation with one
 * reload and the shared-memory snippets run; after one visit the course reads
 * and runs offline.
 */
test.use({ serviceWorkers: 'allow' });

const SHARED_MEMORY_SNIPPET = '/learn/foundations/what-your-machine-has/';

test('on a host without isolation headers the service worker isolates the page, once, and snippets run', async ({
  page,
}) => {
  const server = await startStaticServer(join(process.cwd(), 'dist'));
  try {
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.goto(`${server.url}${SHARED_MEMORY_SNIPPET}`);
    // The service worker reloads the page once: an evaluate that meets that navigation counts as "not yet".
    await expect.poll(() => page.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 15_000 }).toBe(true);
    expect(navigations).toBe(2); // the first load, and one reload: no loop
    await expect(page.locator('[data-isolation-banner]')).toBeHidden();

    const playground = await reveal(page.locator('race-playground[data-playground-id="busy-on-every-core"]'));
    await playground.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(playground).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  } finally {
    await server.close();
  }
});

test('after one visit the course reads and runs with no network', async ({ page, context }) => {
  const server = await startStaticServer(join(process.cwd(), 'dist'));
  try {
    await page.goto(`${server.url}/`);
    // The service worker reloads the page once: an evaluate that meets that navigation counts as "not yet".
    await expect.poll(() => page.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 15_000 }).toBe(true);
    // Wait until the worker has cached the course.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.state;
    });
    await expect
      .poll(() => page.evaluate(async () => (await caches.keys()).length), { timeout: 15_000 })
      .toBeGreaterThan(0);

    await context.setOffline(true);
    await page.goto(`${server.url}/learn/performance/speedup-and-amdahl/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const playground = await reveal(page.locator('race-playground').first());
    await playground.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(playground).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await context.setOffline(false);
  } finally {
    await server.close();
  }
});

test('where isolation is impossible, a banner says why snippets cannot run, and the lesson still reads', async ({
  browser,
}) => {
  const server = await startStaticServer(join(process.cwd(), 'dist'));
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}${SHARED_MEMORY_SNIPPET}`);
    await expect(page.locator('[data-isolation-banner]')).toBeVisible();
    await expect(page.locator('[data-isolation-banner]')).toContainText('cannot run');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  } finally {
    await context.close();
    await server.close();
  }
});
