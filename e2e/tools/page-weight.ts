import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';

/** What a page loads, by kind, as gzip would send it. */
export interface PageWeight {
  html: number;
  css: number;
  js: number;
  /**
   * The run's worker code, which a page with a playground fetches as text
   * once it is idle, to prepare runs ahead of the first click (it runs in
   * the runtime frame's workers, never on the page).
   */
  runtime: number;
  /** Every script URL loaded, to spot an editor download that should not be there. */
  scripts: string[];
}

/**
 * Loads `path` and adds up the gzipped size of every HTML, CSS and JavaScript
 * response, including module imports and worker scripts started during load;
 * JavaScript fetched as text (the run's worker code) is counted apart.
 */
export async function measurePageWeight(page: Page, path: string): Promise<PageWeight> {
  const responses: Response[] = [];
  const listener = (response: Response) => responses.push(response);
  page.on('response', listener);
  await page.goto(path, { waitUntil: 'networkidle' });
  page.off('response', listener);

  const weight: PageWeight = { html: 0, css: 0, js: 0, runtime: 0, scripts: [] };
  for (const response of responses) {
    // A blob: worker is made in the page from code already counted when it was fetched; it is
    // not a download.
    if (/^(blob|data):/.test(response.url())) continue;
    const type = response.headers()['content-type'] ?? '';
    const fetched = response.request().resourceType() === 'fetch';
    const kind = type.includes('html') ? 'html' : type.includes('css') ? 'css' : type.includes('javascript') ? (fetched ? 'runtime' : 'js') : undefined;
    if (!kind) continue;
    const body = await response.body().catch(() => Buffer.alloc(0));
    weight[kind] += gzipSync(body, { level: 9 }).length;
    if (kind === 'js') weight.scripts.push(new URL(response.url()).pathname);
  }
  return weight;
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
