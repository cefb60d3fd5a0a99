import { test, expect } from '../fixtures';

/**
 * The runtime is prepared before the first Run (issue 11): a lesson page
 * builds the runtime frame and boots the next run's workers once it is idle,
 * and its first Run uses them; a page without a playground prepares nothing.
 * (How much faster that makes Run is a figure of `npm run bench`.)
 */

const LESSON = '/learn/foundations/what-your-machine-has/';
const FRAME = 'iframe[title="Racecourse runtime"]';
const WORKER_CODE = /\/(run|hub|task)-worker[^/]*\.js$/;

test('a lesson page prepares the runtime once idle, without any interaction, and the first Run uses it', async ({ page }) => {
  const workerCode: string[] = [];
  page.on('request', (request) => {
    if (WORKER_CODE.test(new URL(request.url()).pathname)) workerCode.push(request.url());
  });
  await page.goto(LESSON);
  const frame = page.locator(FRAME);
  await expect(frame).toBeAttached({ timeout: 20_000 });
  expect(workerCode.length, 'the three worker bundles are fetched once').toBe(3);
  const prepared = await frame.elementHandle();

  const playground = page.locator('[data-playground-id="count-cores"]');
  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(playground).toHaveAttribute('data-state', 'done');
  await expect(frame).toHaveCount(1);
  expect(await prepared.evaluate((element) => element.isConnected), 'the run went to the frame prepared before the click').toBe(true);
  expect(workerCode.length, 'nothing more was fetched for the run').toBe(3);
});

test('a page without a playground prepares nothing', async ({ page }) => {
  const workerCode: string[] = [];
  page.on('request', (request) => {
    if (WORKER_CODE.test(new URL(request.url()).pathname)) workerCode.push(request.url());
  });
  await page.goto('/', { waitUntil: 'networkidle' });
  // Two idle periods after load: a page that prepared on idle would have started by then.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve))));
  await page.waitForLoadState('networkidle');
  await expect(page.locator(FRAME)).toHaveCount(0);
  expect(workerCode).toEqual([]);
});
