import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '../fixtures';
import { coursePages } from '../course/course-pages';
import { openPlayground } from '../playground/helpers';

/**
 * A snippet with every kind of token the editor colours (keywords, types,
 * strings, escapes, templates, regular expressions, numbers, comments, doc
 * comments, nested brackets), so axe sees each colour on screen. Every colour
 * is also checked without a browser in src/runtime/editor/editor-themes.test.ts.
 */
const EVERY_TOKEN = `/** A doc comment: every kind of token the editor colours. */
import { Mutex, sleep } from "racecourse";
// a line comment
type Point = { x: number; y: number };
interface Named { readonly name: string }
const lock: Mutex = new Mutex();
const pattern = /^worker-(\\d+)\\s*$/gi;
const text = "tab\\there, a quote \\" and \\u0041";
const template = \`sum \${1 + 2} done\`;
let total = 0x1f + 0b101 + 0o17 + 1.5e3 + String(10n).length;
const nested = [[[{ deep: [(1)] }]]];
const point: Point = { x: 1, y: 2 };
class Counter implements Named { readonly name = 'c'; count = 0; }
async function main(): Promise<void> { await sleep(1); }
await main();
lock.withLock(() => { total += point.x; });
console.log(pattern.test("worker-1"), text.length, template, total, nested.length, new Counter().name, typeof lock, total > 1 ? "yes" : 'no', null ?? undefined, !true);`;

/**
 * axe-core on every page, in both themes, at rest and with a playground's
 * read-outs and editor showing: zero violations.
 */

// Every lesson, the map and the playground.
const lessons = [...new Set([...coursePages('').snippets, ...coursePages('').exercises].map((r) => r.page))];
const PAGES = ['/', '/playground/', ...lessons];

const violations = (results: Awaited<ReturnType<AxeBuilder['analyze']>>) =>
  results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/**
 * The rules whose verdict depends on colours. The themes change colours only (CSS light-dark()
 * and data-theme), never the rest of the DOM, so the other rules give the same verdict in both; running them
 * once per page halves the suite's longest spec.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

for (const path of PAGES) {
  test(`${path} has no axe violations in the light theme, nor colour violations in the dark theme`, async ({ page }) => {
    // axe takes about 10 s on the longest lessons on a quiet machine, several times that on a busy one.
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    expect(violations(await new AxeBuilder({ page }).analyze()), 'light').toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(violations(await new AxeBuilder({ page }).withRules(COLOUR_RULES).analyze()), 'dark').toEqual([]);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`a playground after a run, with the editor open on every kind of token, has no axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const playground = await openPlayground(page, EVERY_TOKEN);
    await playground.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(playground).toHaveAttribute('data-state', 'done');
    await playground.getByRole('button', { name: 'Edit' }).click();
    await expect(playground.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 });
    // Every line painted, with its tokens coloured (Monaco tokenizes after the first paint).
    await expect(playground.locator('.view-line')).toHaveCount(EVERY_TOKEN.split('\n').length);
    await expect(playground.locator('.view-line').filter({ hasText: 'doc comment' }).locator('span span').first()).not.toHaveClass(/\bmtk1\b/);
    expect(violations(await new AxeBuilder({ page }).analyze())).toEqual([]);
  });
}

/** A lost update that states what must hold, so Explore finds failing outcomes and a first failure. */
const LOST_UPDATE = `import { spawn } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(4));
function add(shared: Int32Array) { for (let i = 0; i < 2; i++) shared[0] = shared[0] + 1; }
const tasks = [spawn(add, shared), spawn(add, shared)];
await Promise.all(tasks.map((t) => t.join()));
console.log(\`count = \${shared[0]}\`);
console.assert(shared[0] === 4, "an update was lost");`;

for (const scheme of ['light', 'dark'] as const) {
  test(`a playground after an exploration, its failure's steps shown, has no axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const playground = await openPlayground(page, LOST_UPDATE);
    await playground.getByRole('button', { name: 'Explore', exact: true }).click();
    const exploration = playground.getByRole('status', { name: 'Exploration' });
    await expect(exploration).toHaveAttribute('data-finished', 'true', { timeout: 60_000 });
    await exploration.getByText(/^Its steps in words/).click();
    await expect(exploration.getByRole('list', { name: /^Steps of the failure/ })).toBeVisible();
    expect(violations(await new AxeBuilder({ page }).analyze())).toEqual([]);
  });
}
