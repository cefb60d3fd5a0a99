/**
 * Makes sure the e2e tests have a Chromium to drive, the same way
 * playwright.config.ts looks for one: CHROMIUM_PATH, else /usr/bin/chromium,
 * else Playwright's own download. On a fresh Debian machine (where Playwright
 * cannot download browsers) it installs Debian's chromium package; elsewhere it
 * asks Playwright to download its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function run(command: string, args: string[]): void {
  console.log(`ensure-browser: ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function playwrightsOwn(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const fromEnv = process.env.CHROMIUM_PATH;
if (fromEnv) {
  if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, but nothing is there.`);
  console.log(`ensure-browser: using CHROMIUM_PATH=${fromEnv}`);
} else if (existsSync(SYSTEM_CHROMIUM)) {
  console.log(`ensure-browser: using ${SYSTEM_CHROMIUM}`);
} else if (playwrightsOwn()) {
  console.log(`ensure-browser: using Playwright's Chromium at ${playwrightsOwn()}`);
} else if (process.platform === 'linux' && existsSync('/usr/bin/apt-get')) {
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? [] : ['sudo', '-n'];
  const apt = (args: string[]) => (asRoot ? run('apt-get', args) : run(prefix[0]!, [...prefix.slice(1), 'apt-get', ...args]));
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', 'chromium']);
} else {
  run('npx', ['playwright', 'install', 'chromium']);
}
