import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * The system Chromium where there is one (CHROMIUM_PATH, else /usr/bin/chromium),
 * else Playwright's own browser. The machines this project is built on cannot
 * download Playwright's browsers, so Debian's chromium is the usual answer.
 */
function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Without the background-networking flags Chromium keeps trying to reach the outside. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const PORT = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two cores: one browser at a time keeps the worker-timing tests honest.
  workers: 1,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    // The service worker precaches the whole course on first visit; only the specs that are
    // about it (e2e/site/offline.spec.ts) let it run, so the rest measure the page itself.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
      },
    },
  ],
  webServer: {
    // The built site, served by astro preview with the isolation headers.
    // --ignore-lock: Astro allows one preview per project unless told otherwise, and a
    // developer may have one open while the tests run.
    command: `astro preview --port ${PORT} --host localhost --ignore-lock`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
