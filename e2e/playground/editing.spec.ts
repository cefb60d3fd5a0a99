import { test, expect } from '../fixtures';
import { reveal, runAndWait, linesOf, output } from './helpers';

const LESSON = '/learn/foundations/what-your-machine-has/';
const ID = 'count-cores';

test('Run first, then the editor opens on Edit, takes focus, and Ctrl+Enter runs the edited code', async ({ page }) => {
  await page.goto(LESSON);
  const playground = page.locator(`[data-playground-id="${ID}"]`);
  await runAndWait(playground);
  expect((await linesOf(playground, 'log'))[0]).toMatch(/logical cores/);

  await playground.getByRole('button', { name: 'Edit' }).click();
  const editor = playground.getByRole('textbox', { name: /code editor/ });
  await expect(editor).toBeFocused({ timeout: 60_000 });
  await expect(playground.getByRole('button', { name: 'Edit' })).toHaveCount(0);

  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('console.log("edited by hand");');
  await page.keyboard.press('Control+Enter');
  await expect(output(playground)).toContainText('edited by hand');
  await expect(playground).toHaveAttribute('data-state', 'done');
});

test('edits survive a reload; Reset restores the original and can be undone', async ({ page }) => {
  await page.goto(LESSON);
  const playground = await reveal(page.locator(`[data-playground-id="${ID}"]`));
  await playground.getByRole('button', { name: 'Edit' }).click();
  await expect(playground.getByRole('textbox', { name: /code editor/ })).toBeFocused({ timeout: 60_000 });
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nconsole.log("kept");');

  await page.reload();
  const reloaded = await reveal(page.locator(`[data-playground-id="${ID}"]`));
  await expect(reloaded.locator('[data-part="code"]')).toContainText('console.log("kept");');
  await expect(reloaded.locator('[data-part="notice"]')).toContainText('your edited code');
  await runAndWait(reloaded);
  expect(await linesOf(reloaded, 'log')).toContain('kept');

  await reloaded.getByRole('button', { name: 'Reset' }).click();
  await expect(reloaded.locator('[data-part="code"]')).not.toContainText('console.log("kept");');
  await expect(reloaded.locator('[data-part="code"] pre.astro-code')).toBeVisible();
  await reloaded.getByRole('button', { name: 'Undo' }).click();
  await expect(reloaded.locator('[data-part="code"]')).toContainText('console.log("kept");');

  await page.reload();
  await reveal(page.locator(`[data-playground-id="${ID}"]`));
  await expect(page.locator(`[data-playground-id="${ID}"] [data-part="code"]`)).toContainText('console.log("kept");');
});

test('the keyboard never gets trapped in the editor: Escape then Tab leaves it', async ({ page }) => {
  await page.goto(LESSON);
  const playground = await reveal(page.locator(`[data-playground-id="${ID}"]`));
  await playground.getByRole('button', { name: 'Edit' }).click();
  const editor = playground.getByRole('textbox', { name: /code editor/ });
  await expect(editor).toBeFocused({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor).not.toBeFocused();
  const focusedInside = await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));
  expect(focusedInside).toBe(false);
});

test('on a narrow touch screen a light editor still edits and runs', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(LESSON);
  const playground = await reveal(page.locator(`[data-playground-id="${ID}"]`));
  await playground.getByRole('button', { name: 'Edit' }).click();
  const area = playground.getByRole('textbox', { name: /code editor/ });
  await expect(area).toBeFocused();
  await area.fill('console.log("from a phone");');
  await runAndWait(playground);
  expect(await linesOf(playground, 'log')).toEqual(['from a phone']);
  expect(await page.locator('.monaco-editor').count()).toBe(0);
  await context.close();
});

test('when the lesson code changed since the learner edited it, their version is kept and the page says so', async ({
  page,
}) => {
  await page.goto(LESSON);
  // A record saved against an older original (its hash differs from today's).
  await page.evaluate((id) => {
    const key = `racecourse:code:${location.pathname}#${id}`;
    localStorage.setItem(key, JSON.stringify({ code: 'console.log("my old edit");\n', originalHash: 'stale', savedAt: 1 }));
  }, ID);
  await page.reload();
  const playground = await reveal(page.locator(`[data-playground-id="${ID}"]`));
  await expect(playground.locator('[data-part="code"]')).toContainText('my old edit');
  await expect(playground.locator('[data-part="notice"]')).toContainText('code has changed since you edited it');
  await playground.getByRole('button', { name: 'Keep mine' }).click();
  await page.reload();
  await reveal(page.locator(`[data-playground-id="${ID}"]`));
  await expect(page.locator(`[data-playground-id="${ID}"] [data-part="notice"]`)).not.toContainText('has changed');
  await expect(page.locator(`[data-playground-id="${ID}"] [data-part="code"]`)).toContainText('my old edit');
});
