import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e/tools/chromium';

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
  // Generous: a test waits for states, never for times, so a slow (busy) machine only makes it
  // take longer; a hang still fails.
  timeout: 120_000,
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
    // Generous: a test waits for states, never for times, so a slow (busy) machine only makes it
  // take longer; a hang still fails.
  timeout: 120_000,
  },
});
