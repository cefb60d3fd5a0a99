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

/**
 * A data race: two accesses to one cell of a shared array, at least one a
 * plain (non-Atomics) access and at least one a write, by two lanes, that
 * nothing orders (no lock hand-off, atomic, message, spawn or join).
 */
export interface ExploreRace {
  /** `Data race on shared[0]: worker-1 writes it at line 22, worker-2 reads it at line 20, and nothing orders the two.` */
  message: string;
  /** The two accesses' lines, smallest first. */
  lines: [number, number];
  /** The cell as the code names it: `shared[0]`. */
  cell: string;
  /** The lanes of the two accesses, in the message's order. */
  lanes: [string, string];
}

/** A cycle in the order lanes take locks (src/shared/lock-order.ts): some timing would hang. */
export interface ExplorePotentialDeadlock {
  /** `Potential deadlock: worker-1 took mutex A (line 5) then mutex B (line 6); …. A different timing would hang.` */
  message: string;
  /** Every line of the cycle, smallest first. */
  lines: number[];
}

export interface ExploreProgress {
  executions: number;
  /** The bound being searched now (0, 1, 2 …; null: unbounded). */
  bound: number | null;
  failures: number;
  outcomes: ExploreOutcome[];
  mode: 'bounded' | 'random';
  /** Every distinct data race found so far, over all executions (each once). */
  races?: ExploreRace[];
  /** Set when some execution touched more shared cells than the race check follows: races on the rest were not looked for. */
  racesCapped?: number;
  /** Every distinct potential deadlock (lock-order cycle) found so far. */
  deadlocks?: ExplorePotentialDeadlock[];
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

// ---- Step mode (design/explorer.md §3): the learner is the scheduler ----

/**
 * Where to stand: the first `steps` choices of `schedule` (null: none yet),
 * then, optionally, one more move. The worker replays from the start every
 * time (an execution is deterministic given its choices), so Back is the same
 * request with one step fewer.
 */
export interface StepRequest {
  type: 'step';
  id: number;
  code: string;
  /** A schedule string (§4), or null to start fresh (seed 1). */
  schedule: string | null;
  /** How many of its choices to take; more than it has is an error (`mismatch`). */
  steps: number;
  /** Then move this lane (its `event`-th ready event when idle, else 0). */
  then?: { lane: number; event: number };
  /** Then finish the execution with random choices (Random to end). */
  random?: boolean;
}

/** One button of the scheduler: a lane's next operation, or one ready event of an idle lane. */
export interface StepChoiceView {
  lane: string;
  laneIndex: number;
  /** 0 for a lane's next operation; k for an idle lane's k-th ready event. */
  event: number;
  /** 1-based line of the snippet. */
  line: number;
  /** In words: "read shared[0]", "write shared[0] ← 42", "timer set at line 4". */
  op: string;
  /** True when this is a ready event of an idle lane (the button then reads `Step <lane>: <op>`). */
  isEvent: boolean;
}

/** Every lane and where it stands, for the marks in the code and the blocked list. */
export interface StepLaneView {
  lane: string;
  laneIndex: number;
  /** The line it will run next (its pending operation's, or its last). */
  line: number;
  state: 'runnable' | 'blocked' | 'idle' | 'finished';
  /** For a blocked lane (or an idle one waiting on an event): what it waits for. */
  waitsFor?: string;
}

/** A typed array over a SharedArrayBuffer that the snippet made. */
export interface SharedArrayView {
  /** The variable's name where the source shows it, else `Int32Array #1`. */
  name: string;
  type: string;
  /** Cell values as text, at most the first 64. */
  values: string[];
  /** Indexes whose value the last step changed. */
  changed: number[];
  /** The array's full length (more than values.length when cut). */
  length: number;
}

export interface SyncObjectView {
  kind: 'mutex' | 'semaphore' | 'channel';
  name: string;
  /** Lanes holding it (a mutex: at most one; a semaphore: one per permit taken). */
  holders: string[];
  /** Lanes waiting for it: to lock or acquire, to receive or to send. */
  waiters: string[];
  /** A semaphore's free permits. */
  permits?: number;
  /** A channel's contents, oldest first, as text. */
  items?: string[];
  capacity?: number;
  closed?: boolean;
}

export interface StepOutputLine {
  lane: string;
  stream: string;
  text: string;
  /** The number of steps taken when it was printed (0: before the first). */
  step: number;
}

export interface StepView {
  /** The choices taken so far, as a schedule string. */
  schedule: string;
  /** Steps taken. */
  step: number;
  /** The request's schedule's own length (for Next: it has more steps while step < this). */
  scheduleLength: number;
  /** Index into `choices` of the request schedule's next choice, when it has one and it fits. */
  next?: number;
  choices: StepChoiceView[];
  lanes: StepLaneView[];
  arrays: SharedArrayView[];
  syncs: SyncObjectView[];
  output: StepOutputLine[];
  /** Every step taken so far, in words, with its step number (1-based). */
  steps: (ExploreStepStory & { step: number })[];
  /** Data races this execution has shown so far (up to this step). */
  races?: ExploreRace[];
  /** Set once the execution has ended (no choice left). */
  ended?: { state: ExploreEndState; reason?: string; lastLine: string };
}

export type StepReply =
  | { type: 'step-view'; id: number; view: StepView }
  /** `mismatch`: the schedule no longer fits the code. */
  | { type: 'step-error'; id: number; message: string; line?: number; mismatch?: boolean };

export type ExploreRequest =
  | { type: 'explore'; id: number; code: string; options: ExploreOptions }
  | { type: 'replay'; id: number; code: string; schedule: string }
  | StepRequest;

export type ExploreReply =
  | { type: 'explore-progress'; id: number; progress: ExploreProgress }
  | { type: 'explore-report'; id: number; report: ExploreReport }
  | StepReply;
