import { getRunner } from '../runner/index.ts';

/**
 * Runs a generated snippet through the same runner as every playground and
 * reads the milliseconds it reports on its last line (`{"ms": …}`). The
 * widgets measure with real workers, exactly like the learner's own code.
 */
export async function measureSnippet(code: string): Promise<number> {
  let last = '';
  const run = getRunner().run(code, {
    // CPU work (compute) takes its share of a busy machine: the same headroom as the speed-up snippets.
    timeLimitMs: MEASUREMENT_LIMIT_MS,
    onEvent: (event) => {
      if (event.type === 'console' && event.stream === 'log') last = event.text;
    },
  });
  const result = await run.done;
  if (result.state !== 'done') throw new Error(`the measurement ended "${result.state}"`);
  const ms = (JSON.parse(last) as { ms?: unknown }).ms;
  if (typeof ms !== 'number') throw new Error('the measurement printed no time');
  return ms;
}

/** A measurement's time limit: its nominal work is a second or two, but a loaded machine can stretch it many times. */
const MEASUREMENT_LIMIT_MS = 60_000;

/** Worker counts to try: 1 … 2 × cores (at least 1 … 4). */
export function workerCounts(cores: number): number[] {
  const max = Math.max(4, 2 * cores);
  return Array.from({ length: max }, (_, i) => i + 1);
}

/** Jobs that divide evenly among many worker counts, about `totalMs` of work in all. */
export function jobPlan(maxWorkers: number, totalMs: number): { jobs: number; jobMs: number } {
  const jobs = maxWorkers <= 4 ? 24 : maxWorkers <= 8 ? 48 : 96;
  return { jobs, jobMs: Math.max(1, Math.round(totalMs / jobs)) };
}

/** A pool of `workers` that runs `jobs` calls of `body` (given `ms`), timed after every worker has started. */
export function poolSnippet(workers: number, jobs: number, jobMs: number, body: 'compute' | 'sleep', serialMs = 0): string {
  // compute, not busy: a fixed amount of work, which slows down when workers share a core.
  const call = body === 'compute' ? '(ms: number) => compute(ms)' : 'async (ms: number) => { await sleep(ms); }';
  return `import { Pool, compute, sleep, now } from "racecourse";
const pool = new Pool(${workers});
await pool.map((i: number) => i, Array.from({ length: ${workers} }, (_, i) => i));
const start = now();
${serialMs > 0 ? `compute(${serialMs});\n` : ''}await pool.map(${call}, Array.from({ length: ${jobs} }, () => ${jobMs}));
const ms = now() - start;
await pool.close();
console.log(JSON.stringify({ ms }));
`;
}

/**
 * Wires a widget's button to a measurement: one at a time, the button
 * disabled meanwhile, `data-state` running → done | error, and a failure said
 * in the status line. `measure` reports progress and its result through `status`.
 */
export function wireMeasurement(
  host: HTMLElement,
  action: string,
  measure: (status: HTMLElement) => Promise<void>,
): void {
  const button = host.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  const status = host.querySelector<HTMLElement>('[data-part="status"]')!;
  button.addEventListener('click', () => {
    if (button.disabled) return;
    button.disabled = true;
    host.dataset.state = 'running';
    measure(status)
      .then(() => {
        host.dataset.state = 'done';
      })
      .catch((error: unknown) => {
        status.textContent = `The measurement stopped: ${error instanceof Error ? error.message : String(error)}. Press the button to try again.`;
        host.dataset.state = 'error';
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  host.querySelector<HTMLElement>('[data-part="controls"]')!.hidden = false;
}
