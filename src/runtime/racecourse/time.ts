import { context, hasContext, original } from '../core/context.ts';
import { blockingWait, touch } from './sync-object.ts';

/**
 * Time, the two kinds of waiting, and a stand-in for CPU work.
 * `sleep` leaves the worker free (like I/O); `sleepSync` blocks it without
 * using the CPU; `busy` keeps one core busy.
 */

/** Milliseconds since the run started; the same clock in every worker of the run. */
export function now(): number {
  return hasContext() ? context().now() : performance.now();
}

/**
 * The logical cores the browser reports (`navigator.hardwareConcurrency`).
 * In a run it is the page's figure, handed to every worker before the
 * snippet starts (useRunCores), so that all of them agree.
 */
export let cores: number = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 1;

/**
 * Sets `cores` for this worker's run, and makes `navigator.hardwareConcurrency`
 * say the same (a snippet may read either).
 */
export function useRunCores(count: number): void {
  cores = Math.max(1, Math.floor(count));
  if (typeof navigator !== 'undefined') Object.defineProperty(navigator, 'hardwareConcurrency', { value: cores, configurable: true });
}

function checkMs(ms: unknown, what: string): number {
  const value = Number(ms);
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what}(ms) needs a number of milliseconds ≥ 0 (got ${String(ms)}).`);
  return value;
}

/** Resolves after `ms` milliseconds; the worker is free meanwhile. */
export function sleep(ms: number): Promise<void> {
  const duration = checkMs(ms, 'sleep');
  touch();
  return new Promise((resolve) => {
    const done = hasContext() ? context().meter.asyncWait({ kind: 'sleep' }) : () => {};
    original.setTimeout(() => {
      done();
      resolve();
    }, duration);
  });
}

const privateCell = new Int32Array(new SharedArrayBuffer(4));

/** Blocks this worker for `ms` milliseconds without using the CPU (Atomics.wait on a private cell). */
export function sleepSync(ms: number): void {
  const duration = checkMs(ms, 'sleepSync');
  touch();
  const end = performance.now() + duration;
  for (;;) {
    const left = end - performance.now();
    if (left <= 0) return;
    blockingWait(privateCell, 0, 0, { kind: 'sleep' }, left);
  }
}

/**
 * Keeps one core busy for about `ms` of wall time. Returns a number that
 * depends on every iteration, so the work cannot be optimised away.
 */
export function busy(ms: number): number {
  const duration = checkMs(ms, 'busy');
  touch();
  const end = performance.now() + duration;
  let x = 0;
  let i = 0;
  for (;;) {
    // A cheap mixing step; the clock is read every 1024 iterations.
    x = (x * 31 + i) | 0;
    if ((++i & 1023) === 0 && performance.now() >= end) break;
  }
  return x;
}
