import { test, expect } from '@playwright/test';
import type { CDPSession } from '@playwright/test';
import type { RunEvent } from '../../src/shared/protocol/index.ts';

/**
 * Memory exhaustion. A worker that exhausts memory takes its process
 * down; the runtime's frame has a process of its own, so the page lives on.
 * Playwright calls a page "crashed" when any of its frames' processes dies,
 * so this test talks to the page over a CDP session opened beforehand.
 */

async function evaluate<T>(cdp: CDPSession, expression: string): Promise<T> {
  const reply = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as {
    result: { value: T };
  };
  return reply.result.value;
}

test('a worker running out of memory: the run ends as error with a system line, the page is unharmed', async ({ page }) => {
  test.setTimeout(240_000);
  const cdp = await page.context().newCDPSession(page);
  await page.goto('/dev/runtime/');
  await page.waitForFunction(() => typeof window.__runtimeHarness === 'object');
  await page.evaluate(() =>
    window.__runtimeHarness.run(`// @time-limit 90s
import { spawn } from "racecourse";
const hog = spawn(() => {
  const hoard: number[][] = [];
  for (;;) hoard.push(new Array(1_000_000).fill(1.5));
});
await hog.join();`),
  );
  await expect
    .poll(() => evaluate<string>(cdp, 'window.__runtimeHarness.state'), { timeout: 100_000, intervals: [250] })
    .toBe('error');
  const events = JSON.parse(await evaluate<string>(cdp, 'JSON.stringify(window.__runtimeHarness.events)')) as RunEvent[];
  const system = events.filter((e) => e.type === 'console' && e.stream === 'system').map((e) => (e.type === 'console' ? e.text : ''));
  expect(system.join('\n')).toMatch(/ran out of memory/);
  // The page still answers, and the next run works.
  expect(await evaluate<number>(cdp, '1 + 1')).toBe(2);
  await evaluate(cdp, 'void window.__runtimeHarness.run("console.log(6 * 7)")');
  await expect.poll(() => evaluate<string>(cdp, 'window.__runtimeHarness.state'), { timeout: 60_000 }).toBe('done');
  expect(await evaluate<string>(cdp, 'JSON.stringify(window.__runtimeHarness.events.filter((e) => e.type === "console").map((e) => e.text))')).toBe('["42"]');
});
