import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test, expect } from '../fixtures';
import { reveal } from '../playground/helpers';

/**
 * The course on a phone (360 and 390 CSS pixels wide, touch): no page scrolls
 * sideways, the header fits, the course menu folds away behind a button so
 * the lesson's title is on the first screen, and playgrounds and exercises
 * have controls a finger can hit.
 */

const DIST_LEARN = join(process.cwd(), 'dist', 'learn');
function lessonPages(dir = DIST_LEARN): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return lessonPages(path);
    return name === 'index.html' ? [`/learn/${relative(DIST_LEARN, dir)}/`] : [];
  });
}
const PAGES = ['/', '/playground/', ...lessonPages()];
const LESSON = '/learn/races/lost-updates/';

for (const width of [360, 390]) {
  test.describe(`${width} px wide`, () => {
    // Not isMobile: a mobile viewport widens itself to fit what overflows, which would hide the very fault looked for.
    test.use({ viewport: { width, height: 780 }, hasTouch: true });

    test('no page scrolls sideways, and the header fits', async ({ page }) => {
      test.setTimeout(120_000);
      expect(PAGES.length).toBeGreaterThan(10);
      for (const path of PAGES) {
        await page.goto(path);
        const overflow = await page.evaluate(() => {
          const page = document.documentElement;
          const culprits = [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > page.clientWidth + 1)
            .filter((e) => {
              for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
                if (getComputedStyle(a).overflowX !== 'visible') return false;
              return true;
            })
            .slice(0, 3)
            .map((e) => `<${e.tagName.toLowerCase()}> ${(e.textContent ?? '').trim().slice(0, 40)}`);
          return { scroll: page.scrollWidth, width: page.clientWidth, culprits };
        });
        expect(overflow.scroll, `${path} is wider than the screen: ${overflow.culprits.join(' | ')}`).toBeLessThanOrEqual(
          overflow.width,
        );
        for (const part of [page.getByRole('searchbox'), page.getByRole('button', { name: 'Dark theme' })]) {
          const box = await part.boundingBox();
          expect(box, `${path}: header part shown`).not.toBeNull();
          expect(box!.x + box!.width, `${path}: header part inside the screen`).toBeLessThanOrEqual(width);
        }
      }
    });

    test("the course menu is folded: a button opens it, Escape closes it, and the lesson's title is on the first screen", async ({
      page,
    }) => {
      await page.goto(LESSON);
      const nav = page.getByRole('navigation', { name: 'Course' });
      const menu = nav.getByRole('button', { name: 'Course menu' });
      const aLesson = nav.getByRole('link', { name: 'Locks and atomics' });
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(aLesson).toBeHidden();
      const title = await page.getByRole('heading', { level: 1 }).boundingBox();
      expect(title!.y + title!.height).toBeLessThanOrEqual(780);

      // By keyboard: Tab reaches the button, Enter opens, Escape closes and gives the focus back.
      await menu.focus();
      await page.keyboard.press('Enter');
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(aLesson).toBeVisible();
      await page.keyboard.press('Tab');
      await expect(nav.getByRole('link').first()).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(aLesson).toBeHidden();
      await expect(menu).toBeFocused();

      // By touch.
      await menu.tap();
      await expect(aLesson).toBeVisible();
      await aLesson.tap();
      await expect(page).toHaveURL(/\/learn\/locks\/locks-and-atomics\/$/);
    });

    test('a playground and an exercise are usable by touch: every control a finger wide, Run gives output', async ({ page }) => {
      await page.goto(LESSON);
      const playground = await reveal(page.locator('race-playground').first());
      const exercise = page.locator('race-exercise').first();
      await exercise.scrollIntoViewIfNeeded();
      for (const scope of [playground.getByRole('group').first(), exercise.locator('.ex-help')]) {
        const sizes = await scope.getByRole('button').evaluateAll((buttons) =>
          buttons.map((b) => ({ name: b.textContent?.trim(), ...b.getBoundingClientRect().toJSON() as DOMRect })),
        );
        expect(sizes.length).toBeGreaterThan(1);
        for (const b of sizes) {
          expect(b.height, `${b.name} is tall enough to tap`).toBeGreaterThanOrEqual(44);
          expect(b.x + b.width, `${b.name} is inside the screen`).toBeLessThanOrEqual(width);
        }
      }
      await playground.getByRole('button', { name: 'Run', exact: true }).tap();
      await expect(playground).toHaveAttribute('data-state', /^(done|error)$/, { timeout: 60_000 });
      await expect(playground.locator('[data-part="output"]')).toContainText('count =');
    });
  });
}

test('on a wide screen the course list is always open and the menu button is not there', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(LESSON);
  const nav = page.getByRole('navigation', { name: 'Course' });
  await expect(nav.getByRole('button', { name: 'Course menu' })).toBeHidden();
  await expect(nav.getByRole('link', { name: 'Locks and atomics' })).toBeVisible();
});
