import type { EndState, RunTotals } from './protocol/index.ts';
import type { ExploreOptions, ExploreOutputCheck, ExploreReport } from './protocol/explore.ts';

/**
 * How an exercise decides that the learner's code is right: a declarative
 * check of what the run(s) produced, written in the lesson's MDX and passed to
 * the browser as a prop. Every field is optional; all given fields must hold,
 * in every one of `runs` runs.
 */
export interface ExerciseCheck {
  /** How many runs must all pass. Races need many: one run can be lucky. Default 1. */
  runs?: number;
  /** End state each run must reach. Default `done`. */
  state?: EndState;
  /** The last line printed on `log`/`info` must equal this exactly (trimmed). */
  lastLine?: string;
  /** The last line printed on `log`/`info` must match this regular expression (source text). */
  lastLineMatches?: string;
  /** Every one of these must appear somewhere in the output (any stream). */
  includes?: string[];
  /** None of these may appear anywhere in the output (any stream). */
  excludes?: string[];
  /**
   * Bounds on the run's totals, judged without the time the browser spent starting workers:
   * utilisation is active time over (wall time − start-up), and maxWallMs bounds the same.
   */
  minUtilization?: number;
  maxUtilization?: number;
  maxWallMs?: number;
  minWorkers?: number;
  /**
   * Also check the code on every interleaving, not only on the runs the machine happened to
   * produce (design/explorer.md §5). With it, the exercise passes only when its real runs pass
   * **and** every execution the explorer tries (every schedule with up to `preemptions`
   * preemptions, under sequential consistency) ends `done`, with no failed `console.assert`,
   * and satisfies the output conditions: `explore.lastLine` / `explore.lastLineMatches` when
   * either is given, else the check's own `lastLine` / `lastLineMatches`, plus `includes` and
   * `excludes`. Explored runs see `exploring` true (and `cores` = 2), so a snippet can make
   * itself small there (`const TIMES = exploring ? 2 : 200_000;`); their last line can then
   * differ from a real run's, which is what `explore.lastLine` is for. Time, utilisation,
   * worker counts and `state` concern real runs only. Meant for exercises whose runs end `done`.
   */
  explore?: ExerciseExplore;
}

export interface ExerciseExplore {
  /** Preemption bound of the search; default 2 (the explorer's default). */
  preemptions?: number;
  /** Budget in executions before the search would turn random (and so incomplete); default the explorer's. */
  maxExecutions?: number;
  /** The last line every explored execution must print (replaces the check's `lastLine`/`lastLineMatches`). */
  lastLine?: string;
  /** A regular expression the last line of every explored execution must match (replaces the check's too). */
  lastLineMatches?: string;
}

/** What the check sees of one run: its end state, its output and its totals (as the runner computed them). */
export interface RunEvidence extends RunTotals {
  state: EndState;
  /** Every output line, in order, with its stream. */
  lines: { stream: string; text: string }[];
  /** Time during which a worker was starting (timing.ts, workerStartupMs): left out of time checks. */
  startupMs: number;
}

export interface CheckVerdict {
  passed: boolean;
  /** Plain-words reasons for a failure, one per unmet condition (first failing run). */
  reasons: string[];
}

const RESULT_STREAMS = new Set(['log', 'info']);

/** A run's result: its last line on `log` or `info` (what Run ×N counts, and what checks compare). */
export function lastResultLine(run: Pick<RunEvidence, 'lines'>): string | undefined {
  for (let i = run.lines.length - 1; i >= 0; i--) {
    const line = run.lines[i];
    if (line && RESULT_STREAMS.has(line.stream)) return line.text.trim();
  }
  return undefined;
}

/**
 * The conditions on what a run printed (last line, includes, excludes): the
 * part of a check that an explored execution can be held to as well.
 */
export function checkOutput(check: ExerciseCheck, run: Pick<RunEvidence, 'lines'>): string[] {
  const reasons: string[] = [];
  const last = lastResultLine(run);
  if (check.lastLine !== undefined && last !== check.lastLine.trim()) {
    reasons.push(`The last line printed was ${last === undefined ? 'nothing' : `"${last}"`}, not "${check.lastLine}".`);
  }
  if (check.lastLineMatches !== undefined && !new RegExp(check.lastLineMatches).test(last ?? '')) {
    reasons.push(`The last line printed (${last === undefined ? 'nothing' : `"${last}"`}) is not what the exercise asks for.`);
  }
  const text = run.lines.map((l) => l.text).join('\n');
  for (const needle of check.includes ?? []) {
    if (!text.includes(needle)) reasons.push(`The output never says "${needle}".`);
  }
  for (const needle of check.excludes ?? []) {
    if (text.includes(needle)) reasons.push(`The output still says "${needle}".`);
  }
  return reasons;
}

/** Checks one run; returns the unmet conditions. */
export function checkRun(check: ExerciseCheck, run: RunEvidence): string[] {
  const reasons: string[] = [];
  const expectedState = check.state ?? 'done';
  if (run.state !== expectedState) reasons.push(`The run ended "${run.state}", not "${expectedState}".`);
  reasons.push(...checkOutput(check, run));
  // Time and utilisation are judged on the snippet's own work: the time the browser took to start
  // its workers is left out (it is the browser's cost, and grows with the machine's load).
  const startup = run.startupMs > 0 ? ` (not counting ${Math.round(run.startupMs)} ms of starting workers)` : '';
  const workMs = Math.max(1, run.wallMs - run.startupMs);
  const utilization = run.activeMs / workMs;
  if (check.minUtilization !== undefined && utilization < check.minUtilization) {
    reasons.push(`Utilisation was ${utilization.toFixed(2)}${startup}, below the ${check.minUtilization} the exercise asks for.`);
  }
  if (check.maxUtilization !== undefined && utilization > check.maxUtilization) {
    reasons.push(`Utilisation was ${utilization.toFixed(2)}${startup}, above the ${check.maxUtilization} the exercise allows.`);
  }
  if (check.maxWallMs !== undefined && workMs > check.maxWallMs) {
    reasons.push(`The run took ${Math.round(workMs)} ms${startup}; the exercise asks for at most ${check.maxWallMs} ms.`);
  }
  if (check.minWorkers !== undefined && run.workers < check.minWorkers) {
    reasons.push(`The run used ${run.workers} workers; the exercise asks for at least ${check.minWorkers}.`);
  }
  return reasons;
}

/** The verdict over a series of runs: passed only if every run passed and there were enough. */
export function checkRuns(check: ExerciseCheck, runs: readonly RunEvidence[]): CheckVerdict {
  const needed = check.runs ?? 1;
  for (const [index, run] of runs.entries()) {
    const reasons = checkRun(check, run);
    if (reasons.length > 0) {
      return {
        passed: false,
        reasons: needed > 1 ? reasons.map((r) => `Run ${index + 1} of ${needed}: ${r}`) : reasons,
      };
    }
  }
  if (runs.length < needed) return { passed: false, reasons: [`Only ${runs.length} of ${needed} runs finished.`] };
  return { passed: true, reasons: [] };
}

/**
 * What the explorer is asked for an exercise whose check has `explore`: the
 * options of the search and, in them, the output conditions every execution
 * must meet (see ExerciseCheck.explore). `undefined` when the check does not
 * explore. The search stops at the first failure: one failing schedule is
 * enough to show the learner.
 */
export function exploreOptionsFor(check: ExerciseCheck): ExploreOptions | undefined {
  const wanted = check.explore;
  if (!wanted) return undefined;
  const output: ExploreOutputCheck = { state: 'done' };
  const ownLast = wanted.lastLine !== undefined || wanted.lastLineMatches !== undefined;
  const lastLine = ownLast ? wanted.lastLine : check.lastLine;
  const lastLineMatches = ownLast ? wanted.lastLineMatches : check.lastLineMatches;
  if (lastLine !== undefined) output.lastLine = lastLine;
  if (lastLineMatches !== undefined) output.lastLineMatches = lastLineMatches;
  if (check.includes?.length) output.includes = [...check.includes];
  if (check.excludes?.length) output.excludes = [...check.excludes];
  const options: ExploreOptions = { check: output, stopAtFirstFailure: true };
  if (wanted.preemptions !== undefined) options.preemptions = wanted.preemptions;
  if (wanted.maxExecutions !== undefined) options.maxExecutions = wanted.maxExecutions;
  return options;
}

/**
 * The exploration's half of an exercise's verdict. It passes only when the
 * search finished (every schedule up to its bound was tried) and no execution
 * failed; a search that could not run, or ran out of budget, is not a pass,
 * because it has not tried every interleaving.
 */
export function checkExploration(report: ExploreReport): CheckVerdict {
  if (report.unsupported) {
    const where = report.unsupported.line === undefined ? '' : ` (line ${report.unsupported.line})`;
    return { passed: false, reasons: [`The explorer could not try this code${where}: ${report.unsupported.message}`] };
  }
  if (report.failure) {
    const { preemptions, reason } = report.failure;
    const how = preemptions < 0 ? 'In one interleaving' : `In an interleaving with ${preemptions} preemption${preemptions === 1 ? '' : 's'}`;
    return { passed: false, reasons: [`${how}, the small version of your code goes wrong: ${reason}`] };
  }
  if (report.failures > 0) {
    return { passed: false, reasons: [`${report.failures} interleaving${report.failures === 1 ? '' : 's'} of the small version of your code went wrong.`] };
  }
  if (!report.complete) {
    const why = report.incompleteReason ? ` ${report.incompleteReason}` : '';
    return { passed: false, reasons: [`The explorer could not try every interleaving of the small version of your code.${why}`] };
  }
  return { passed: true, reasons: [] };
}
