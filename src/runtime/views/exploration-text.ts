/**
 * The exploration read-out's words: the summary sentence, the progress line,
 * an outcome's end state and counts. Pure formatting of the engine's own
 * figures (src/shared/protocol/explore.ts); nothing here is computed beyond
 * what a sentence needs. The one rule: a search that was not complete never
 * reads like a proof. Counts are of schedules, never probabilities.
 */
import type { ExploreEndState, ExploreOutcome, ExploreProgress, ExploreReport, ExploreStepStory } from '../../shared/protocol/explore.ts';

/** "1 execution", "1,234 executions". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "with no preemptions", "with up to 1 preemption", "with any number of preemptions". */
export function boundWords(bound: number | null): string {
  if (bound === null) return 'with any number of preemptions';
  if (bound === 0) return 'with no preemptions';
  return `with up to ${count(bound, 'preemption')}`;
}

/** "40 ms", "0.3 s", "12 s" (a no-break space keeps the unit with its number). */
export function duration(ms: number): string {
  if (ms < 100) return `${Math.round(ms)}\u00a0ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}\u00a0s`;
  return `${Math.round(ms / 1000)}\u00a0s`;
}

const STATE_WORDS: Record<ExploreEndState, string> = {
  done: 'ends normally',
  deadlock: 'deadlock',
  error: 'uncaught error',
  'no-progress': 'no progress',
  assert: 'console.assert failed',
  check: 'fails the check',
};

export function stateWords(state: ExploreEndState): string {
  return STATE_WORDS[state];
}

/** "12 schedules" — how many explored schedules ended this way; never a share of anything. */
export function schedules(n: number): string {
  return count(n, 'schedule');
}

function failing(outcomes: readonly ExploreOutcome[]): number {
  return outcomes.filter((o) => o.failing).length;
}

/**
 * For a complete search: "1 of 3 outcomes fails.", "Every execution ends the same way, and none
 * fails." Different outcomes with none failing is not "all pass": nothing said what must hold.
 */
function verdict(outcomes: readonly ExploreOutcome[]): string {
  const n = outcomes.length;
  const f = failing(outcomes);
  if (n === 0) return 'No execution finished.';
  if (n === 1) return f ? 'Every execution fails the same way.' : 'Every execution ends the same way, and none fails.';
  if (f === 0) return `${n} different outcomes, none failing: a console.assert of what must hold makes the wrong ones fail.`;
  return `${f} of ${n} outcomes ${f === 1 ? 'fails' : 'fail'}.`;
}

/** For a search cut short: what was seen, said as no more than that. */
function seenSoFar(outcomes: readonly ExploreOutcome[]): string {
  const n = outcomes.length;
  const f = failing(outcomes);
  if (n === 0) return 'No execution finished.';
  const seen = `${count(n, 'outcome')} seen`;
  if (f === 0) return `${seen}, none failing so far; that proves nothing about the rest.`;
  return `${seen}, ${f} failing.`;
}

/** The sentence while the search goes on. */
export function progressSentence(progress: ExploreProgress): string {
  const where = progress.mode === 'random' ? 'now trying random schedules' : `now ${boundWords(progress.bound)}`;
  return `Exploring: ${count(progress.executions, 'execution')} so far, ${where}. ${seenSoFar(progress.outcomes)}`;
}

/** The sentence once the search has ended: a checked claim when complete, "Not exhaustive: …" otherwise. */
export function summarySentence(report: ExploreReport): string {
  if (report.unsupported) return unsupportedSentence(report.unsupported);
  const ran = `${count(report.executions, 'execution')} in ${duration(report.ms)}`;
  if (report.complete) return `Checked every interleaving ${boundWords(report.bound)}: ${ran}. ${verdict(report.outcomes)}`;
  const reason = (report.incompleteReason ?? 'the search ended early.').trim();
  return `Not exhaustive: ${reason} ${ran}, searching ${boundWords(report.bound)}; other interleavings were not tried. ${seenSoFar(report.outcomes)}`;
}

/** Why the code could not be explored, naming the line when the message does not. */
function unsupportedSentence({ message, line }: { message: string; line?: number }): string {
  if (line === undefined || /\bline \d/i.test(message)) return message;
  return `${message.replace(/\.$/, '')} (line ${line}).`;
}

/** "First failure, with 1 preemption: console.assert failed at line 7" */
export function failureHeading(preemptions: number): string {
  return `First failure, ${preemptions === 0 ? 'with no preemptions' : `with ${count(preemptions, 'preemption')}`}`;
}

/** One step of a schedule in words: "worker-1 · line 22 · write shared[0] ← 42". */
export function stepWords(step: Pick<ExploreStepStory, 'lane' | 'line' | 'op'>): string {
  return `${step.lane} · line ${step.line} · ${step.op}`;
}
