import { existsSync } from 'node:fs';

/**
 * Which Chromium the tests, the benchmark and the audit drive, and with which
 * flags. The system Chromium where there is one (CHROMIUM_PATH, else
 * /usr/bin/chromium), else Playwright's own browser (undefined here). The
 * machines this project is built on cannot download Playwright's browsers.
 */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Without the background-networking flags Chromium keeps trying to reach the outside. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
