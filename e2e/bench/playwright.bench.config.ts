import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import base from '../../playwright.config.ts';

/**
 * The runtime benchmark (`npm run bench`): the project's Playwright setup
 * (browser, flags, preview server), but only `*.bench.ts` files, which the
 * normal test run (`**\/*.spec.ts`) never picks up.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const server = Array.isArray(base.webServer) ? base.webServer[0] : base.webServer;

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.bench.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 300_000,
  reporter: [['list']],
  ...(server ? { webServer: { ...server, cwd: root } } : {}),
});
