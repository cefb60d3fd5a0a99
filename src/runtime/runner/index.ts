/**
 * The runner: the page's way to run snippets.
 *
 *     import { createRunner } from '../runtime/runner/index.ts';
 *     const runner = createRunner();
 *     const run = runner.run(code);
 *     run.subscribe((event) => …);     // every event so far, then each as it happens
 *     run.totals;                      // wall / active time, workers, utilisation, kept current
 *     const result = await run.done;   // { state: 'done' | 'error' | 'stopped' | 'timeout', totals, … }
 *     run.stop();
 *
 *     const exploration = startExploration(code, {}, (progress) => …);   // every interleaving, in a worker
 *     const report = await exploration.done;   // ExploreReport (src/shared/protocol/explore.ts)
 *     exploration.stop();                      // at once: done resolves, complete: false
 */

import { hostFor, type HostKind } from './default-host.ts';
import { createRunnerWith, type Runner } from './runner.ts';

export interface RunnerOptions {
  /** `frame` (production default): runs in a sandboxed frame of their own process; `direct`: workers of the page. */
  host?: HostKind;
}

export function createRunner(options: RunnerOptions = {}): Runner {
  return createRunnerWith(hostFor(options.host));
}

let pageRunner: Runner | null = null;

/** One runner shared by the whole page: a run started through it stops the previous one. */
export function getRunner(): Runner {
  pageRunner ??= createRunner();
  return pageRunner;
}

export { startExploration, startReplay, openStepper, type Exploration, type Stepper } from './explore-client.ts';
export type { StepAnswer, StepQuery } from './stepper.ts';

// Only what pages use; other types come from src/shared/protocol/events.ts.
export type { Runner, RunHandle, RunOptions } from './runner.ts';
export type { RunEvent, RunResult } from '../../shared/protocol/index.ts';
export type { RunEventListener } from './run-stream.ts';
