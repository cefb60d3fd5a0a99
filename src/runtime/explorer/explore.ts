import type { ExploreFailure, ExploreOptions, ExploreOutcome, ExplorePotentialDeadlock, ExploreProgress, ExploreRace, ExploreReport } from '../../shared/protocol/explore.ts';
import { MAX_CELLS } from './races.ts';
import { Abort } from './execution.ts';
import { compile, runExecution, type Compiled, type ExecutionResult } from './execute.ts';
import { EXPLORED_CORES } from './runtime.ts';
import { decodeSchedule, encodeSchedule } from './schedule.ts';
import { replayChooser, ScheduleMismatch, search } from './search.ts';

/**
 * Explore (design/explorer.md §2): every schedule of a snippet up to a
 * preemption bound, reported as distinct outcomes with a replayable schedule
 * each, and the first failure told step by step. Synchronous: it runs in the
 * explorer worker, which the page terminates to stop it.
 */

export const DEFAULTS = { preemptions: 2, maxExecutions: 20_000, maxMs: 10_000, seed: 1, stepLimit: 5_000 } as const;

export function explore(code: string, options: ExploreOptions = {}, onProgress: (progress: ExploreProgress) => void = () => {}): ExploreReport {
  const started = performance.now();
  const bound = options.preemptions === undefined ? DEFAULTS.preemptions : options.preemptions;
  const seed = options.seed ?? DEFAULTS.seed;
  const base = { executions: 0, bound, failures: 0, outcomes: [] as ExploreOutcome[], mode: 'bounded' as const };
  const compiled = compile(code);
  if (!compiled.ok) {
    return { ...base, complete: false, incompleteReason: compiled.message, assumptions: assumptions(bound, seed, []), ms: performance.now() - started, unsupported: { message: compiled.message, line: compiled.line } };
  }
  const outcomes = new Map<string, ExploreOutcome>();
  let failures = 0;
  let executions = 0;
  let firstFailure: { result: ExecutionResult; preemptions: number } | undefined;
  let current: number | null = bound;
  let mode: 'bounded' | 'random' = 'bounded';
  const uncontrolled = new Set<number>();
  let lastProgress = 0;
  // Data races and potential deadlocks, each once over the whole search.
  const races = new Map<string, ExploreRace>();
  const deadlocks = new Map<string, ExplorePotentialDeadlock>();
  let racesCapped = false;
  const progress = (): ExploreProgress => ({
    executions,
    bound: current,
    failures,
    outcomes: [...outcomes.values()],
    mode,
    races: [...races.values()],
    racesCapped: racesCapped ? MAX_CELLS : undefined,
    deadlocks: [...deadlocks.values()],
  });

  try {
    const summary = search(compiled.compiled, {
      bound,
      maxExecutions: options.maxExecutions ?? DEFAULTS.maxExecutions,
      maxMs: options.maxMs ?? DEFAULTS.maxMs,
      stepLimit: options.stepLimit ?? DEFAULTS.stepLimit,
      seed,
      stopAtFirstFailure: options.stopAtFirstFailure ?? false,
      check: options.check,
      onExecution(result, preemptions, phase, searching) {
        executions++;
        current = searching;
        mode = phase;
        for (const line of result.uncontrolled) uncontrolled.add(line);
        const check = result.execution.races;
        for (const [key, race] of check.found) if (!races.has(key)) races.set(key, race);
        racesCapped ||= check.capped;
        for (const found of result.deadlocks) {
          if (deadlocks.has(found.key)) continue;
          const lines = new Set<number>();
          for (const edge of found.edges) for (const site of [edge.first, edge.then]) if (site.line !== undefined) lines.add(site.line);
          deadlocks.set(found.key, { message: found.message, lines: [...lines].sort((a, b) => a - b) });
        }
        const failing = result.state !== 'done';
        if (failing) {
          failures++;
          firstFailure ??= { result, preemptions };
        }
        const key = `${result.state}\u0000${result.lastLine}`;
        const known = outcomes.get(key);
        if (known) known.count++;
        else {
          outcomes.set(key, {
            state: result.state,
            lastLine: result.lastLine,
            count: 1,
            schedule: encodeSchedule({ seed, choices: result.choices }),
            preemptions,
            failing,
            reason: result.reason,
          });
        }
        const now = performance.now();
        if (now - lastProgress >= 100) {
          lastProgress = now;
          onProgress(progress());
        }
      },
    });
    const failure = firstFailure && tellFailure(compiled.compiled, firstFailure.result, firstFailure.preemptions, seed, options);
    return {
      ...progress(),
      bound: summary.bound,
      mode: summary.mode,
      complete: summary.complete,
      incompleteReason: summary.incompleteReason,
      assumptions: assumptions(summary.bound, seed, [...uncontrolled]),
      ms: performance.now() - started,
      failure,
    };
  } catch (error) {
    if (!(error instanceof Abort)) {
      const message = `The explorer failed on this code (a bug in the explorer, not in your code): ${error instanceof Error ? error.message : String(error)}. Run still works.`;
      return { ...progress(), complete: false, incompleteReason: message, assumptions: '', ms: performance.now() - started, unsupported: { message } };
    }
    return {
      ...progress(),
      complete: false,
      incompleteReason: error.message,
      assumptions: assumptions(bound, seed, [...uncontrolled]),
      ms: performance.now() - started,
      unsupported: { message: error.message, line: error.line },
    };
  }
}

/** Runs the failing schedule again, recording every step in words. */
function tellFailure(compiled: Compiled, result: ExecutionResult, preemptions: number, seed: number, options: ExploreOptions): ExploreFailure {
  const told = runExecution(compiled, replayChooser(result.choices), { seed, recordSteps: true, hardStepLimit: result.length + 1, check: options.check });
  return {
    schedule: encodeSchedule({ seed, choices: result.choices }),
    preemptions,
    state: told.state,
    reason: told.reason ?? result.reason ?? told.state,
    steps: told.steps,
    output: told.output,
  };
}

/** Replays a schedule string on `code` and reports that one execution. */
export function replay(code: string, schedule: string): ExploreReport {
  const started = performance.now();
  const decoded = decodeSchedule(schedule);
  const base = { executions: 0, bound: null, failures: 0, outcomes: [], mode: 'bounded' as const, complete: false, assumptions: '', ms: 0 };
  if (!decoded.ok) return { ...base, unsupported: { message: decoded.message } };
  const compiled = compile(code);
  if (!compiled.ok) return { ...base, unsupported: { message: compiled.message, line: compiled.line } };
  try {
    const seed = decoded.schedule.seed;
    const result = runExecution(compiled.compiled, replayChooser(decoded.schedule.choices), { seed, recordSteps: true, hardStepLimit: DEFAULTS.stepLimit * 4 });
    const failing = result.state !== 'done';
    const outcome: ExploreOutcome = { state: result.state, lastLine: result.lastLine, count: 1, schedule, preemptions: -1, failing, reason: result.reason };
    return {
      ...base,
      executions: 1,
      failures: failing ? 1 : 0,
      outcomes: [outcome],
      complete: true,
      assumptions: assumptions(null, seed, result.uncontrolled),
      ms: performance.now() - started,
      failure: failing ? { schedule, preemptions: -1, state: result.state, reason: result.reason ?? result.state, steps: result.steps, output: result.output } : undefined,
    };
  } catch (error) {
    if (error instanceof ScheduleMismatch) return { ...base, unsupported: { message: `${error.message} The code has changed since the schedule was made: start fresh.` } };
    if (error instanceof Abort) return { ...base, unsupported: { message: error.message, line: error.line } };
    throw error;
  }
}

/** The one line every result states: what the search assumed. */
function assumptions(bound: number | null, seed: number, uncontrolled: number[]): string {
  const parts = [
    bound === null ? 'every schedule (no preemption bound)' : `up to ${bound} preemption${bound === 1 ? '' : 's'}`,
    `seed ${seed}`,
    'sequential consistency (no store buffering or torn values)',
    'timers fire in their worker’s order, at any point',
    `cores = ${EXPLORED_CORES}`,
  ];
  if (uncontrolled.length) {
    const lines = [...uncontrolled].sort((a, b) => a - b).slice(0, 5).join(', ');
    parts.push(`no switch points inside built-in callbacks (line ${lines})`);
  }
  return `Assumes ${parts.join('; ')}.`;
}
