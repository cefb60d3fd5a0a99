import { test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * How quickly a lesson answers (issue 11), measured in the page, each figure
 * beside the same yardstick: a raw Blob-URL worker (`postMessage(1)`)
 * created by the same lesson page once it has loaded, spawn → first message,
 * median of several. That is the cost a warm runtime can avoid, so every
 * figure is printed as a ratio to it. Figures are printed, never asserted.
 *
 * "First Run" is a fresh page on which a learner reads for a moment before
 * pressing Run (the page prepares the runtime when it is first idle); the
 * row "first Run at once" clicks as soon as the page has loaded.
 */
const LESSON = '/learn/foundations/what-your-machine-has/';
const PLAYGROUND = '[data-playground-id="count-cores"]';
const FRESH_PAGES = 7;
const READING_MS = 1_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Raw Blob-URL worker spawn → first message on this page, median of `n`. */
async function rawSpawn(page: Page, n = 7): Promise<number> {
  const times = await page.evaluate(async (count) => {
    const out: number[] = [];
    const url = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      const worker = new Worker(url);
      await new Promise((resolve) => (worker.onmessage = resolve));
      out.push(performance.now() - t0);
      worker.terminate();
    }
    return out;
  }, n);
  return median(times);
}

/** Click Run → the first output line in the DOM, in ms of the page's clock. */
function clickToFirstLine(page: Page): Promise<number> {
  return page.evaluate(
    (selector) =>
      new Promise<number>((resolve) => {
        const playground = document.querySelector<HTMLElement>(selector)!;
        const output = playground.querySelector('[role="log"]')!;
        const button = playground.querySelector<HTMLButtonElement>('button[data-action="run"]')!;
        const observer = new MutationObserver(() => {
          if (output.querySelector('[data-stream]')) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(output, { childList: true, subtree: true });
        const start = performance.now();
        button.click();
      }),
    PLAYGROUND,
  );
}

async function settle(page: Page): Promise<void> {
  await page.waitForSelector(`${PLAYGROUND}:not([data-state="running"]):not([data-state="idle"])`);
}

/** Replaces the lesson playground's code and runs it once; returns its output lines. */
async function runCode(page: Page, code: string): Promise<string[]> {
  return page.evaluate(
    async ([selector, source]) => {
      const element = document.querySelector(selector) as HTMLElement & { replaceCode(c: string, m: string): void; run(): Promise<{ state: string; lines: { text: string }[] }> };
      element.replaceCode(source, 'benchmark');
      const evidence = await element.run();
      if (evidence.state !== 'done') throw new Error(`the benchmark snippet ended ${evidence.state}: ${evidence.lines.map((l) => l.text).join(' | ')}`);
      return evidence.lines.map((l) => l.text);
    },
    [PLAYGROUND, code] as const,
  );
}

const lastJson = (lines: string[]) => JSON.parse(lines.filter((l) => l.startsWith('{')).at(-1)!) as Record<string, number>;
const pause = (page: Page, ms: number) => page.waitForTimeout(ms);

const ALL_AT_ONCE = `import { spawn, cores, now } from "racecourse";
const t0 = now();
const tasks = Array.from({ length: cores }, () => spawn(() => now()));
const starts = await Promise.all(tasks.map((task) => task.join()));
console.log(JSON.stringify({ allRunning: Math.max(...starts) - t0 }));`;

const together = (work: 'busy' | 'compute', n: number) => `import { spawn, ${work}, now } from "racecourse";
const t0 = now();
await Promise.all(Array.from({ length: ${n} }, () => spawn(() => ${work}(400))).map((task) => task.join()));
console.log(JSON.stringify({ ms: now() - t0 }));`;

const TEN_MS = `import { busy } from "racecourse";
busy(10);
console.log("done");`;

/** Total PSS (kB) of every Chromium renderer process, by pid. */
function rendererPss(): Map<number, number> {
  const out = new Map<number, number>();
  const pids = execFileSync('pgrep', ['-f', 'type=renderer'], { encoding: 'utf8' }).trim().split('\n').map(Number);
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      out.set(pid, Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0));
    } catch {
      /* gone */
    }
  }
  return out;
}

test('lesson page: Run, Run ×100, spawn, speed-up, memory kept warm', async ({ browser }) => {
  test.setTimeout(600_000);
  const rows: { name: string; value: number; unit: string; reference: string; ratio: number; goal: string }[] = [];
  const raws: number[] = [];
  const first: number[] = [];
  const firstAtOnce: number[] = [];
  const repeated: number[] = [];
  for (let i = 0; i < FRESH_PAGES; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(LESSON, { waitUntil: 'load' });
    firstAtOnce.push(await clickToFirstLine(page));
    await settle(page);
    await context.close();

    const reading = await browser.newContext();
    const fresh = await reading.newPage();
    await fresh.goto(LESSON, { waitUntil: 'networkidle' });
    await pause(fresh, READING_MS);
    first.push(await clickToFirstLine(fresh));
    await settle(fresh);
    for (let r = 0; r < 3; r++) {
      await pause(fresh, 300);
      repeated.push(await clickToFirstLine(fresh));
      await settle(fresh);
    }
    raws.push(await rawSpawn(fresh));
    await reading.close();
  }
  const raw = median(raws);
  const row = (name: string, value: number, reference: number, referenceName: string, goal: string, unit = 'ms') =>
    rows.push({ name, value, unit, reference: `${referenceName} ${reference.toFixed(1)} ms`, ratio: value / reference, goal });
  row('first Run → first line (after 1 s of reading)', median(first), raw, 'raw spawn', '≤ 2×');
  row('first Run at once (click at load)', median(firstAtOnce), raw, 'raw spawn', '—');
  row('repeated Run → first line', median(repeated), raw, 'raw spawn', '≤ 1×');

  // The remaining figures on one page, warm as a learner would find it.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(LESSON, { waitUntil: 'networkidle' });
  await pause(page, READING_MS);
  const pageRaw = await rawSpawn(page);

  // Run ×100 of a snippet whose own work is 10 ms.
  await page.evaluate(([selector, code]) => (document.querySelector(selector) as HTMLElement & { replaceCode(c: string, m: string): void }).replaceCode(code, 'benchmark'), [PLAYGROUND, TEN_MS] as const);
  await pause(page, 300);
  const manyMs = await page.evaluate(
    (selector) =>
      new Promise<number>((resolve) => {
        const playground = document.querySelector<HTMLElement>(selector)!;
        let ended = 0;
        playground.addEventListener('playground-run-end', () => {
          if (++ended === 100) resolve(performance.now() - start);
        });
        const start = performance.now();
        playground.querySelector<HTMLButtonElement>('button[data-action="run-many"][data-times="100"]')!.click();
      }),
    PLAYGROUND,
  );
  const manyBudget = 100 * (10 + pageRaw);
  rows.push({ name: 'Run ×100 of 10 ms of work', value: manyMs, unit: 'ms', reference: `100 × (10 ms + raw ${pageRaw.toFixed(1)} ms)`, ratio: manyMs / manyBudget, goal: '≤ 1×' });

  // spawn of `cores` tasks at once → all of them running (each in a fresh, warm run).
  await runCode(page, ALL_AT_ONCE);
  const allRunning: number[] = [];
  for (let i = 0; i < 5; i++) {
    await pause(page, 500);
    allRunning.push(lastJson(await runCode(page, ALL_AT_ONCE)).allRunning!);
  }
  row('spawn of `cores` tasks → all running', median(allRunning), pageRaw, 'raw spawn', '≤ 1.2×');

  // Two 400 ms tasks together vs one alone (each in a fresh, warm run): speed-up = 2 × alone / together.
  for (const work of ['busy', 'compute'] as const) {
    const alone: number[] = [];
    const both: number[] = [];
    for (let i = 0; i < 5; i++) {
      await pause(page, 500);
      alone.push(lastJson(await runCode(page, together(work, 1))).ms!);
      await pause(page, 500);
      both.push(lastJson(await runCode(page, together(work, 2))).ms!);
    }
    const speedup = (2 * median(alone)) / median(both);
    rows.push({ name: `two ${work}(400) together: speed-up`, value: speedup, unit: '×', reference: `one alone ${median(alone).toFixed(0)} ms`, ratio: speedup / 2, goal: work === 'busy' ? '≥ 1.9× (0.95)' : '≥ 1.8× (0.9)' });
  }

  // Memory kept warm: the runtime frame's process, with its booted run worker, hub and task workers.
  await pause(page, 1_000);
  const before = rendererPss();
  await page.evaluate(() => document.querySelector('iframe[title="Racecourse runtime"]')?.remove());
  await pause(page, 1_000);
  const after = rendererPss();
  const gone = [...before.keys()].filter((pid) => !after.has(pid));
  const warmKb = gone.reduce((sum, pid) => sum + before.get(pid)!, 0);
  const pageCores = await page.evaluate(() => navigator.hardwareConcurrency);
  rows.push({ name: `memory kept warm (frame process, ${gone.length} pid)`, value: warmKb / 1024, unit: 'MB PSS', reference: `${Math.min(pageCores, 16)} warm task workers`, ratio: NaN, goal: 'give the figure' });
  await context.close();

  const table = [
    '| figure | value | reference (same run) | ratio | goal |',
    '| --- | ---: | --- | ---: | --- |',
    ...rows.map((r) => `| ${r.name} | ${r.value.toFixed(r.unit === '×' ? 2 : 1)} ${r.unit} | ${r.reference} | ${Number.isNaN(r.ratio) ? '—' : `${r.ratio.toFixed(2)}×`} | ${r.goal} |`),
  ].join('\n');
  console.log(`\nLesson page (${LESSON}), ${FRESH_PAGES} fresh pages; raw Blob-URL spawn on the loaded page: median ${raw.toFixed(1)} ms\n\n${table}\n`);
});
