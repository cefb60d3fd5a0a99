import LZString from 'lz-string';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Scrolls a playground into view, as a reader would, and waits for its controls: a playground
 * upgrades when it comes near the viewport (src/runtime/playground/upgrade-when-near.ts), so one
 * further down a lesson shows its toolbar only then.
 */
export async function reveal(playground: Locator): Promise<Locator> {
  await playground.scrollIntoViewIfNeeded();
  await expect(playground.getByRole('group', { name: /: controls$/ })).toBeVisible();
  return playground;
}

/** Opens /playground/ with `code` in the fragment, as a share link would. */
export async function openPlayground(page: Page, code: string): Promise<Locator> {
  await page.goto(`/playground/#code=${LZString.compressToEncodedURIComponent(code)}`);
  const playground = page.locator('[data-playground]');
  await expect(playground.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  return playground;
}

/** Presses Run and waits for the run to end in `state`. */
export async function runAndWait(playground: Locator, state = 'done', timeout = 30_000): Promise<void> {
  await reveal(playground);
  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(playground).toHaveAttribute('data-state', state, { timeout });
}

export function output(playground: Locator): Locator {
  return playground.getByRole('log', { name: 'Output' });
}

export function timing(playground: Locator): Locator {
  return playground.getByRole('status', { name: 'Timing' });
}

/** The text of every output line of a stream. */
export async function linesOf(playground: Locator, stream: string): Promise<string[]> {
  return output(playground)
    .locator(`[data-stream="${stream}"] .pg-line-text`)
    .allTextContents();
}
