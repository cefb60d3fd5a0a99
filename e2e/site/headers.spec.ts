import { readFileSync } from 'node:fs';
import { test, expect } from '../fixtures';
import { siteHeaders } from '../../astro.config.mjs';
import { runAndWait } from '../playground/helpers';

/**
 * The headers every host must send are written three times: for astro's own
 * servers (astro.config.mjs), for Netlify and Cloudflare Pages (public/_headers)
 * and for Vercel (vercel.json). This keeps the copies in step.
 */
test('the header files for hosts match the headers the dev and preview servers send', () => {
  const netlify = readFileSync('public/_headers', 'utf8');
  for (const [name, value] of Object.entries(siteHeaders)) {
    expect(netlify).toContain(`  ${name}: ${value}\n`);
  }
  const vercel = JSON.parse(readFileSync('vercel.json', 'utf8')) as {
    headers: { source: string; headers: { key: string; value: string }[] }[];
  };
  const rule = vercel.headers.find((h) => h.source === '/(.*)');
  expect(Object.fromEntries(rule!.headers.map((h) => [h.key, h.value]))).toEqual(siteHeaders);
});

test('every page is served with the Content-Security-Policy, and the page honours it without violations', async ({
  page,
}) => {
  const response = await page.goto('/learn/foundations/what-your-machine-has/');
  expect(response?.headers()['content-security-policy']).toBe(siteHeaders['Content-Security-Policy']);
  // The fixture fails the test on any console error, which is where CSP violations are reported.
  await runAndWait(page.locator('race-playground').first());
});
