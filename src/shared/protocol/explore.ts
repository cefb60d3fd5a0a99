/**
 * The explorer's messages (page ⇄ explorer worker) and its report: what
 * Explore found about every interleaving of a snippet up to a bound
 * (design/explorer.md §2). The explorer worker is the page's own child and
 * runs the engine in src/runtime/explorer; these types are all the page
 * knows of it.
 */

/** How an explored execution ended. `assert`: a `console.assert` failed. */
export type ExploreEndState = 'done' | 'deadlock' | 'error' | 'no-progress' | 'assert' | 'check';

/** What an exercise asks of every execution (the output half of ExerciseCheck). */
export interface ExploreOutputCheck {
  lastLine?: string;
  lastLineMatches?: string;
  includes?: string[];
  excludes?: string[];
  /** Default `done`. */
  state?: 'done' | 'error';
}

export interface ExploreOptions {
  /** Preemption bound; default 2. `null`: no bound (exhaustive). */
  preemptions?: number | null;
  /** Budget: executions (default 20,000) and time (default 10 s) before the randomised fallback. */
  maxExecutions?: number;
  maxMs?: number;
  /** Seed of Math.random / crypto in every execution; default 1. */
  seed?: number;
  /** Steps before an execution continues round-robin (default 5,000). */
  stepLimit?: number;
  /** An exercise's check: an execution that breaks it fails with state `check`. */
  check?: ExploreOutputCheck;
  /** Stop at the first failure (exercise checks); default false: report every outcome. */
  stopAtFirstFailure?: boolean;
}

/** One distinct outcome: end state plus last output line. */
export interface ExploreOutcome {
  state: ExploreEndState;
  /** The last line printed on log/info ('' when none). */
  lastLine: string;
  /** A label the snippet declared for this last line (`// @outcome <line> — <label>`), if any. */
  label?: string;
  /** Executions (schedules) that ended this way — never a probability. */
  count: number;
  /** One schedule that produces it (§4), replayable. */
  schedule: string;
  /** Preemptions in that schedule. */
  preemptions: number;
  failing: boolean;
  /** Why it fails, in words ("deadlock: main waits for …", "console.assert failed at line 12"). */
  reason?: string;
}

/** One step of a schedule, in words, for feedback ("worker-1 · line 22 · write shared[0] ← 42"). */
export interface ExploreStepStory {
  lane: string;
  line: number;
  op: string;
}

export interface ExploreFailure {
  schedule: string;
  preemptions: number;
  state: ExploreEndState;
  reason: string;
  /** Every visible step of the failing execution, in order. */
  steps: ExploreStepStory[];
  /** Its output lines. */
  output: string[];
}

export interface ExploreProgress {
  executions: number;
  /** The bound being searched now (0, 1, 2 …; null: unbounded). */
  bound: number | null;
  failures: number;
  outcomes: ExploreOutcome[];
  mode: 'bounded' | 'random';
}

export interface ExploreReport extends ExploreProgress {
  /** True only when every schedule up to `bound` preemptions was run. */
  complete: boolean;
  /** Why it stopped short, in words, when not complete. */
  incompleteReason?: string;
  /** One line: bound, seed, sequential consistency, timer model, and anything not controlled. */
  assumptions: string;
  ms: number;
  /** The first failure, found at the smallest bound. */
  failure?: ExploreFailure;
  /** The snippet could not be explored at all: the message names the line. */
  unsupported?: { message: string; line?: number };
}

export type ExploreRequest =
  | { type: 'explore'; id: number; code: string; options: ExploreOptions }
  | { type: 'replay'; id: number; code: string; schedule: string };

export type ExploreReply =
  | { type: 'explore-progress'; id: number; progress: ExploreProgress }
  | { type: 'explore-report'; id: number; report: ExploreReport };
