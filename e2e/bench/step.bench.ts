import { test, expect, type Page } from '@playwright/test';
import { loadavg } from 'node:os';
import { shareFragment } from '../../src/runtime/playground/share.ts';

/**
 * Step mode's figures (design/explorer.md §7, issue 13), measured on the
 * /playground/ page through its real buttons: from the click to the frame
 * after the scheduler shows the new step. The yardstick, taken on the same
 * page in the same run, is one frame of that page (the median interval
 * between animation frames): a step "shown" means painted, so a click
 * answered in about one frame is as fast as the page can show it. A worker's
 * echo is printed beside it, the least a round trip to the explorer worker
 * costs. Printed, never asserted.
 */

// 2 workers × 25 increments: over 100 steps to the end, so Back can be timed after 100.
const LONG = `import { spawn } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(4));
function add(shared: Int32Array) { for (let i = 0; i < 25; i++) shared[0]++; }
const tasks = [spawn(add, shared), spawn(add, shared)];
await Promise.all(tasks.map((t) => t.join()));
console.log(\`count = \${shared[0]}\`);
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A worker's echo, median of `n` round trips. */
async function echo(page: Page, n = 31): Promise<number> {
  const times = await page.evaluate(async (count) => {
    const url = URL.createObjectURL(new Blob(['onmessage = (e) => postMessage(e.data)'], { type: 'text/javascript' }));
    const worker = new Worker(url);
    await new Promise((resolve) => ((worker.onmessage = resolve), worker.postMessage(0)));
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      await new Promise((resolve) => ((worker.onmessage = resolve), worker.postMessage(i)));
      out.push(performance.now() - t0);
    }
    worker.terminate();
    return out;
  }, n);
  return median(times);
}

/** The median interval between this page's animation frames. */
async function frame(page: Page, n = 31): Promise<number> {
  const gaps = await page.evaluate(async (count) => {
    const stamps: number[] = [];
    await new Promise<void>((resolve) => {
      const tick = (t: number) => {
        stamps.push(t);
        if (stamps.length > count) resolve();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return stamps.slice(1).map((t, i) => t - stamps[i]!);
  }, n);
  return median(gaps);
}

/** Clicks the button whose name starts with `label` and times until the scheduler's data-step changes to at least `min`, plus one frame. */
async function timedClick(page: Page, label: string, min = 0): Promise<{ ms: number; step: number }> {
  return page.evaluate(
    async ([name, least]) => {
      const group = document.querySelector<HTMLElement>('[role="group"][aria-label="Scheduler"]')!;
      const target = [...group.closest('race-playground')!.querySelectorAll<HTMLButtonElement>('button')].find(
        (b) => !b.disabled && (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().startsWith(name),
      );
      if (!target) throw new Error(`no enabled button ${name}`);
      const before = Number(group.dataset.step);
      const t0 = performance.now();
      const done = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          const step = Number(group.dataset.step);
          if (step !== before && step >= least) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(step));
          }
        });
        observer.observe(group, { attributes: true, attributeFilter: ['data-step'] });
      });
      target.click();
      const step = await done;
      return { ms: performance.now() - t0, step };
    },
    [label, min] as const,
  );
}

test('step mode benchmark', async ({ page }) => {
  await page.goto(`/playground/${shareFragment(LONG)}`);
  const playground = page.locator('race-playground').first();
  await playground.getByRole('button', { name: 'Step through' }).click();
  const scheduler = playground.getByRole('group', { name: 'Scheduler' });
  await expect(scheduler).toHaveAttribute('data-step', '0');
  await expect(scheduler.getByRole('button').first()).toBeVisible();

  const reference = await frame(page);
  const roundTrip = await echo(page);
  const clicks: number[] = [];
  for (let i = 0; i < 21; i++) {
    const first = (await scheduler.getByRole('button').first().getAttribute('aria-label')) ?? (await scheduler.getByRole('button').first().innerText());
    const { ms } = await timedClick(page, first.split(':')[0]!.trim());
    clicks.push(ms);
  }
  const random = await timedClick(page, 'Random to end', 101);
  const backs: number[] = [];
  let at = random.step;
  for (let i = 0; i < 11; i++) {
    const { ms, step } = await timedClick(page, 'Back');
    backs.push(ms);
    at = step;
  }
  const click = median(clicks);
  const back = median(backs);
  const rows = [
    ['figure', 'median', 'reference (same page)', 'ratio', 'goal'],
    [`one Step click → new state shown (21 clicks)`, `${click.toFixed(1)} ms`, `one frame ${reference.toFixed(1)} ms`, `${(click / reference).toFixed(2)} frames`, '≤ 50 ms'],
    [`Back after ${random.step} steps (11 presses, down to step ${at})`, `${back.toFixed(1)} ms`, `one frame ${reference.toFixed(1)} ms`, `${(back / reference).toFixed(2)} frames`, '≤ 100 ms'],
    [`Random to end from step 21 (${random.step} steps)`, `${random.ms.toFixed(1)} ms`, `one frame ${reference.toFixed(1)} ms`, `${(random.ms / reference).toFixed(2)} frames`, '—'],
    ['a worker echo (the least a round trip to the explorer worker costs)', `${roundTrip.toFixed(2)} ms`, `one frame ${reference.toFixed(1)} ms`, `${(roundTrip / reference).toFixed(3)} frames`, '—'],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\nStep mode (load average ${loadavg().map((v) => v.toFixed(1)).join(' / ')})\n${[line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n')}\n`);
});
