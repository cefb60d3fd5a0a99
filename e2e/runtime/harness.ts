import type { Page } from '@playwright/test';
import type { ConsoleEvent, RunEvent, RunResult, StateEvent, TaskEvent } from '../../src/shared/protocol/index.ts';

/**
 * Drives the runtime through the harness page (/dev/runtime/). Waits are for
 * events and states of the run, never for fixed times.
 */

export interface Outcome {
  result: RunResult;
  events: RunEvent[];
}

interface Harness {
  run(code: string, options?: { timeLimitMs?: number; deadlock?: 'end' | 'report' }): number;
  stop(): void;
  result(): Promise<RunResult>;
  readonly state: string;
  readonly events: RunEvent[];
}

declare global {
  interface Window {
    __runtimeHarness: Harness;
  }
}

export async function openHarness(page: Page): Promise<void> {
  await page.goto('/dev/runtime/');
  await page.waitForFunction(() => typeof window.__runtimeHarness === 'object');
}

export async function start(page: Page, code: string, options: { timeLimitMs?: number; deadlock?: 'end' | 'report' } = {}): Promise<void> {
  await page.evaluate(([source, opts]) => void window.__runtimeHarness.run(source, opts), [code, options] as const);
}

/** Runs a snippet to its end and returns the result and every event. */
export async function run(page: Page, code: string, options: { timeLimitMs?: number; deadlock?: 'end' | 'report' } = {}): Promise<Outcome> {
  await start(page, code, options);
  return finish(page);
}

export async function finish(page: Page): Promise<Outcome> {
  const result = await page.evaluate(() => window.__runtimeHarness.result());
  const events = await page.evaluate(() => window.__runtimeHarness.events);
  return { result, events };
}

/** Fields an awaited event must have; `text` is a regular expression source for console lines. */
export interface EventMatch {
  type?: RunEvent['type'];
  task?: string;
  state?: string;
  phase?: string;
  text?: string;
}

/** Waits until an event of the current run has every field of `match`. */
export async function waitForEvent(page: Page, match: EventMatch, timeout = 15_000): Promise<RunEvent> {
  const handle = await page.waitForFunction(
    (wanted) =>
      window.__runtimeHarness.events.find((event) => {
        const fields = event as unknown as Record<string, unknown>;
        return Object.entries(wanted).every(([key, value]) =>
          key === 'text' ? typeof fields.text === 'string' && new RegExp(String(value)).test(fields.text) : fields[key] === value,
        );
      }) ?? false,
    match,
    { timeout, polling: 20 },
  );
  return (await handle.jsonValue()) as RunEvent;
}

export async function waitForLine(page: Page, pattern: RegExp, timeout = 15_000): Promise<ConsoleEvent> {
  return (await waitForEvent(page, { type: 'console', text: pattern.source }, timeout)) as ConsoleEvent;
}

export const lines = (events: RunEvent[], stream?: string): string[] =>
  events.filter((e): e is ConsoleEvent => e.type === 'console' && (stream === undefined || e.stream === stream)).map((e) => e.text);

export const system = (events: RunEvent[]): string[] => lines(events, 'system');

export const states = (events: RunEvent[], task?: string): StateEvent[] =>
  events.filter((e): e is StateEvent => e.type === 'state' && (task === undefined || e.task === task));

export const tasks = (events: RunEvent[], phase?: TaskEvent['phase']): TaskEvent[] =>
  events.filter((e): e is TaskEvent => e.type === 'task' && (phase === undefined || e.phase === phase));

/**
 * How responsive the page's own main thread is while a run goes on: the
 * longest task it ran (Long Tasks API: tasks over 50 ms) during `durationMs`
 * of its own timers, and the worst lateness of a 10 ms timer chain over the
 * same window (for the failure message).
 *
 * A run that froze the page (learner code on the main thread, a flood of
 * messages handled in one go) shows as one task as long as the freeze, or as
 * an evaluate that never returns. A busy machine delays the timers but not
 * the page's own tasks, which is why the test asserts on the tasks.
 * With `untilRunEnds`, the window lasts at least `durationMs` and until the
 * run has ended.
 */
export async function mainThreadWhile(
  page: Page,
  durationMs = 300,
  untilRunEnds = false,
): Promise<{ longestTaskMs: number; timerLagMs: number }> {
  return page.evaluate(
    ([duration, untilEnd]) =>
      new Promise<{ longestTaskMs: number; timerLagMs: number }>((resolve) => {
        const t0 = performance.now();
        const tasks: PerformanceEntry[] = [];
        const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
        observer.observe({ type: 'longtask', buffered: true });
        let worst = 0;
        let last = t0;
        const tick = () => {
          const now = performance.now();
          worst = Math.max(worst, now - last - 10);
          last = now;
          if (now < t0 + duration || (untilEnd && window.__runtimeHarness.state === 'running')) {
            setTimeout(tick, 10);
            return;
          }
          tasks.push(...observer.takeRecords());
          observer.disconnect();
          const inWindow = tasks.filter((task) => task.startTime + task.duration >= t0);
          resolve({ longestTaskMs: Math.max(0, ...inWindow.map((task) => task.duration)), timerLagMs: worst });
        };
        setTimeout(tick, 10);
      }),
    [durationMs, untilRunEnds] as const,
  );
}

export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
