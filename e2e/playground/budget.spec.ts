import { test, expect } from '../fixtures';
import { measurePageWeight, kb } from '../tools/page-weight';

/**
 * Size budgets, checked on every test run so a change that blows them fails
 * the build. (Timing goals live in `npm run bench`, not here.)
 */
const JS_BUDGET = 60 * 1024;
/** The run's worker code (run worker with the transpiler, hub, task), fetched once the page is idle. */
const RUNTIME_BUDGET = 200 * 1024;
const PAGES = ['/', '/learn/foundations/what-your-machine-has/', '/playground/'];

for (const path of PAGES) {
  test(`${path} stays within its JavaScript budget and loads no editor`, async ({ page }, testInfo) => {
    const weight = await measurePageWeight(page, path);
    testInfo.annotations.push({
      type: 'weight',
      description: `html ${kb(weight.html)}, css ${kb(weight.css)}, js ${kb(weight.js)}, runtime workers ${kb(weight.runtime)} (gzip)`,
    });
    console.log(`${path}: html ${kb(weight.html)}, css ${kb(weight.css)}, js ${kb(weight.js)}, runtime workers ${kb(weight.runtime)} gzip`);
    expect(weight.js, `JavaScript on ${path}: ${kb(weight.js)}`).toBeLessThanOrEqual(JS_BUDGET);
    expect(weight.runtime, `the run's worker code fetched by ${path}: ${kb(weight.runtime)}`).toBeLessThanOrEqual(RUNTIME_BUDGET);
    expect(weight.scripts.filter((s) => /monaco|editor\.(api|main)|ts\.worker/i.test(s))).toEqual([]);
  });
}
