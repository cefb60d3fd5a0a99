/**
 * `npm run audit`: Lighthouse on the home page, a lesson and the playground,
 * with the system Chromium, against the built site served by `astro preview`
 * (with the same headers a host must send). Prints the four scores and the
 * JavaScript and CSS each page loads before any interaction, each beside its
 * budget, and exits non-zero when one is missed.
 *
 * Performance varies from run to run (total blocking time above all), so:
 *   AUDIT_RUNS=5     audits each page five times, prints every run's performance score, total
 *                    blocking time and layout shift, and judges the budgets on the median run
 *   AUDIT_PAGES=/a/,/b/   audits these paths instead of the three above
 */
import { spawn } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from './chromium.ts';

const PORT = Number(process.env.AUDIT_PORT ?? 4399);
const BASE = `http://localhost:${PORT}`;
const PAGES = process.env.AUDIT_PAGES?.split(',').map((p) => p.trim()).filter(Boolean) ?? [
  '/',
  '/learn/foundations/what-your-machine-has/',
  '/playground/',
];
const RUNS = Math.max(1, Number(process.env.AUDIT_RUNS ?? 1) || 1);
const SCORE_BUDGET = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 95 } as const;
const KB = 1024;
const SIZE_BUDGET = { script: 60 * KB, stylesheet: 30 * KB };
const FLAGS = ['--headless=new', ...chromiumArgs];

async function waitForServer(url: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the preview server did not answer at ${url}`);
}

interface Row {
  page: string;
  scores: Record<keyof typeof SCORE_BUDGET, number>;
  script: number;
  stylesheet: number;
  /** Total blocking time and largest contentful paint (ms), cumulative layout shift. */
  tbt: number;
  lcp: number;
  cls: number;
}

async function auditPage(port: number, path: string): Promise<Row> {
  const result = await lighthouse(`${BASE}${path}`, { port, output: 'json', logLevel: 'error' });
  if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
  // A run Lighthouse could not finish (e.g. NO_FCP on a starved machine) scores 0 everywhere: not a measurement.
  if (result.lhr.runtimeError) throw new Error(`${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const items = (audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] })?.items ?? [];
  const size = (type: string) => items.find((i) => i.resourceType === type)?.transferSize ?? 0;
  return {
    page: path,
    scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') },
    script: size('script'),
    stylesheet: size('stylesheet'),
    tbt: audits['total-blocking-time']?.numericValue ?? NaN,
    lcp: audits['largest-contentful-paint']?.numericValue ?? NaN,
    cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The run whose performance score is the median (ties: the one with the median blocking time). */
function medianRun(runs: Row[]): Row {
  const sorted = [...runs].sort((a, b) => a.scores.performance - b.scores.performance || a.tbt - b.tbt);
  return sorted[(sorted.length - 1) >> 1]!;
}

function spread(values: number[], digits = 0): string {
  const f = (v: number) => v.toFixed(digits);
  return `${f(median(values))} (${f(Math.min(...values))}–${f(Math.max(...values))})`;
}

const server = spawn('astro', ['preview', '--port', String(PORT), '--host', 'localhost', '--ignore-lock'], { stdio: 'ignore' });
let failed = false;
try {
  await waitForServer(`${BASE}/`);
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: FLAGS });
  const rows: Row[] = [];
  try {
    for (const path of PAGES) {
      const runs: Row[] = [];
      let lost = 0;
      for (let i = 1; i <= RUNS; i++) {
        let run: Row;
        try {
          run = await auditPage(chrome.port, path);
        } catch (error) {
          if (RUNS === 1) throw error;
          lost++;
          console.log(`${path} run ${i}/${RUNS}: Lighthouse could not finish (${String(error)})`);
          continue;
        }
        runs.push(run);
        if (RUNS > 1) {
          console.log(
            `${path} run ${i}/${RUNS}: performance ${run.scores.performance}, TBT ${Math.round(run.tbt)} ms, CLS ${run.cls.toFixed(3)}, LCP ${Math.round(run.lcp)} ms`,
          );
        }
      }
      if (runs.length === 0) throw new Error(`Lighthouse could not finish any run of ${path}`);
      if (RUNS > 1) {
        console.log(
          `${path} over ${runs.length} runs, median (min–max): performance ${spread(runs.map((r) => r.scores.performance))}, TBT ${spread(runs.map((r) => r.tbt))} ms, CLS ${spread(runs.map((r) => r.cls), 3)}; ${runs.filter((r) => r.scores.performance === 100).length}/${RUNS} at 100${lost ? ` (${lost} unfinished)` : ''}\n`,
        );
      }
      rows.push(medianRun(runs));
    }
  } finally {
    chrome.kill();
  }
  if (RUNS > 1) console.log(`The table shows each page's median run.`);
  const mark = (ok: boolean) => (ok ? '' : ' ✗');
  console.log('\n| page | performance | TBT | CLS | accessibility | best practices | SEO | JS (gzip) | CSS (gzip) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const cells = (Object.keys(SCORE_BUDGET) as (keyof typeof SCORE_BUDGET)[]).map((k) => {
      const ok = row.scores[k] >= SCORE_BUDGET[k];
      failed ||= !ok;
      return `${row.scores[k]}${mark(ok)}`;
    });
    cells.splice(1, 0, `${Math.round(row.tbt)} ms`, row.cls.toFixed(3));
    const jsOk = row.script <= SIZE_BUDGET.script;
    const cssOk = row.stylesheet <= SIZE_BUDGET.stylesheet;
    failed ||= !jsOk || !cssOk;
    console.log(
      `| ${row.page} | ${cells.join(' | ')} | ${(row.script / KB).toFixed(1)} KB${mark(jsOk)} | ${(row.stylesheet / KB).toFixed(1)} KB${mark(cssOk)} |`,
    );
  }
  console.log(
    `\nBudgets: performance ≥ ${SCORE_BUDGET.performance}, accessibility ${SCORE_BUDGET.accessibility}, best practices ≥ ${SCORE_BUDGET['best-practices']}, SEO ≥ ${SCORE_BUDGET.seo}; JS ≤ ${SIZE_BUDGET.script / KB} KB, CSS ≤ ${SIZE_BUDGET.stylesheet / KB} KB before interaction. ✗ marks a miss.`,
  );
} finally {
  server.kill();
}
process.exit(failed ? 1 : 0);
