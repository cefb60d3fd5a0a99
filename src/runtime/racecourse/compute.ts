import { context, hasContext } from '../core/context.ts';
import { touch } from './sync-object.ts';

/**
 * `compute(ms)`: a fixed amount of CPU work, about `ms` long on a free core.
 *
 * `busy(ms)` holds a core for `ms` of wall time, however much or little it
 * gets done in that time: two busy(500) calls sharing one core both end after
 * 500 ms. That makes busy a poor ruler when workers outnumber cores. compute
 * does a set number of loop iterations instead, so two compute(500) calls
 * sharing one core take about a second — what real CPU-bound work does.
 *
 * The iterations per millisecond are measured once per run, by the run
 * worker at boot, before the run and before its other workers start
 * (calibrateCompute), and handed to every worker of the run: so compute(ms)
 * is the same work in every worker, and a worker that starts on a busy core
 * does not do less. It is the best of several short samples: a sample taken
 * while something else had the core runs slow, and the best one is the
 * nearest to a free core. Outside a run (unit tests) a worker measures its own.
 */
let iterationsPerMs: number | undefined;

function mix(iterations: number, seed: number): number {
  let x = seed | 0;
  for (let i = 0; i < iterations; i++) x = (x * 31 + i) | 0;
  return x;
}

/**
 * `compute`'s loop iterations per millisecond on this core: the best of 40
 * samples of 0.5 ms (about 20 ms, so a moment when the core was taken away
 * is outweighed).
 */
export function calibrateCompute(): number {
  let best = 0;
  let sink = 0;
  // Unmeasured first: until V8 has optimised `mix`, a sample measures the compiler.
  const warm = performance.now();
  while (performance.now() - warm < 3) sink = mix(CALIBRATION_STEP, sink);
  for (let sample = 0; sample < 40; sample++) {
    const start = performance.now();
    let iterations = 0;
    while (performance.now() - start < 0.5) {
      sink = mix(CALIBRATION_STEP, sink);
      iterations += CALIBRATION_STEP;
    }
    best = Math.max(best, iterations / (performance.now() - start));
  }
  // Keep the result observable so the samples cannot be optimised away.
  return best + (sink === 0.5 ? 1 : 0);
}

export function compute(ms: number): number {
  const duration = Number(ms);
  if (!Number.isFinite(duration) || duration < 0) {
    throw new RangeError(`compute(ms) needs a number of milliseconds ≥ 0 (got ${String(ms)}).`);
  }
  touch();
  iterationsPerMs ??= hasContext() ? context().environment.computeRate : calibrateCompute();
  // In slices, the way calibrateCompute() ran it: one call with the whole
  // count would run in whatever code V8 had for `mix` when the call began
  // (in a fresh worker, the slowest), while repeated calls get the optimised
  // code after a few slices, as the calibration did.
  let left = Math.round(iterationsPerMs * duration);
  let x = duration;
  while (left > 0) {
    const slice = Math.min(left, SLICE);
    x = mix(slice, x);
    left -= slice;
  }
  return x;
}

const SLICE = 1 << 16;
/** Iterations between two readings of the clock while calibrating (a larger step measured V8 code that runs faster than compute's own). */
const CALIBRATION_STEP = 1 << 10;
