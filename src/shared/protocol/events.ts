import { bool, int, num, object, oneOf, optional, str, union, type Infer } from '../schema.ts';

/**
 * What a run reports to the page: the `RunEvent`s and the `RunResult`. This
 * is the public part of the protocol (contract §1); the page sees nothing
 * else. The schemas here check the events on the wire (`WireEvent`, before
 * the runner numbers them) and are shared by the run report's validator.
 */

/** `system` lines are the runtime's own: errors, limits, deadlock reports. */
export const STREAMS = ['log', 'info', 'warn', 'error', 'system'] as const;
export type Stream = (typeof STREAMS)[number];

/**
 * How a `warn` line of the `runtime` lane about a potential deadlock begins
 * (src/shared/lock-order.ts writes it): the playground then offers to
 * explore the snippet for the timing that hangs.
 */
export const POTENTIAL_DEADLOCK_PREFIX = 'Potential deadlock:';

/**
 * A lane's state as measured by the runtime's instrumentation. `idle` means
 * "not executing JavaScript and not waiting for the runtime": no segment.
 */
export const LANE_STATES = ['running', 'waiting', 'sleeping', 'idle'] as const;
export type LaneState = (typeof LANE_STATES)[number];

export const TASK_PHASES = ['spawned', 'started', 'finished', 'failed', 'terminated'] as const;
export type TaskPhase = (typeof TASK_PHASES)[number];

export type EndState = 'done' | 'error' | 'stopped' | 'timeout';

/** The lane of the snippet itself; tasks are `worker-1`, `worker-2`, … */
export const MAIN_LANE = 'main';

/** Every event has `t`: milliseconds since the run started (the `now()` clock). */
const consoleFields = {
  t: num(),
  /** Lane that printed it: `main`, `worker-N`, or `runtime` for system lines. */
  task: str(),
  stream: oneOf(STREAMS),
  text: str(),
};

const taskFields = {
  t: num(),
  task: str(),
  id: int(),
  phase: oneOf(TASK_PHASES),
  /** Lane that spawned it (on `spawned`). */
  parent: optional(str()),
  /** True for the workers of a `Pool`. */
  pool: optional(bool()),
  /** On `failed`: `Name: message`. */
  error: optional(str()),
};

const stateFields = {
  t: num(),
  task: str(),
  state: oneOf(LANE_STATES),
  /** What a waiting/sleeping lane waits for, in words: `mutex A`, `join worker-2`, `channel jobs (recv)`, `sleep`. */
  on: optional(str()),
};

/** How a message went from lane to lane: a task's postMessage, a Channel item, a Pool's job or its results. */
export const MESSAGE_KINDS = ['postMessage', 'channel', 'job', 'result'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** One message between lanes; `t` is when it was received, `sent` when it left. */
const messageFields = {
  t: num(),
  sent: num(),
  from: str(),
  to: str(),
  kind: oneOf(MESSAGE_KINDS),
  /** The channel's name, for `channel`. */
  via: optional(str()),
};

/** An event before the runner has numbered it: what the hub sends. */
export const wireEvent = union('type', {
  console: object(consoleFields),
  task: object(taskFields),
  state: object(stateFields),
  message: object(messageFields),
  /** At the end of a run that sent more messages than LIMITS.messages: how many were not recorded. */
  'messages-dropped': object({ t: num(), count: int() }),
});
export type WireEvent = Infer<typeof wireEvent>;

/** A wire event once the runner has numbered it. */
type Numbered<E> = { [K in keyof (E & { seq: number })]: (E & { seq: number })[K] };
export type ConsoleEvent = Numbered<Extract<WireEvent, { type: 'console' }>>;
export type TaskEvent = Numbered<Extract<WireEvent, { type: 'task' }>>;
export type StateEvent = Numbered<Extract<WireEvent, { type: 'state' }>>;
export type LaneMessageEvent = Numbered<Extract<WireEvent, { type: 'message' }>>;
export type MessagesDroppedEvent = Numbered<Extract<WireEvent, { type: 'messages-dropped' }>>;

export interface RunStartedEvent {
  type: 'run';
  seq: number;
  t: number;
  runId: number;
  timeLimitMs: number;
}

export interface RunTotals {
  /** From the start of the snippet to the end of the run. */
  wallMs: number;
  /** Sum over lanes of time spent `running`. */
  activeMs: number;
  /** Workers that ran learner code: the snippet's own (main) plus every task and pool worker. */
  workers: number;
  /** activeMs / wallMs (0 when wallMs is 0). */
  utilization: number;
}

export interface EndEvent {
  type: 'end';
  seq: number;
  t: number;
  state: EndState;
  totals: RunTotals;
}

export type RunEvent = ConsoleEvent | TaskEvent | StateEvent | LaneMessageEvent | MessagesDroppedEvent | RunStartedEvent | EndEvent;

export const runErrorInfo = object({
  kind: oneOf(['syntax', 'uncaught', 'deadlock', 'crash', 'internal']),
  /** One line, e.g. `Uncaught TypeError: x is not a function (line 4, in worker-1)`. */
  message: str(),
  line: optional(int()),
  column: optional(int()),
  task: optional(str()),
});
export type RunErrorInfo = Infer<typeof runErrorInfo>;
export type RunErrorKind = RunErrorInfo['kind'];

/** The outcome of a run, tagged by its end state. */
export type RunResult =
  | { state: 'done'; runId: number; totals: RunTotals }
  | { state: 'error'; runId: number; totals: RunTotals; error: RunErrorInfo }
  | { state: 'stopped'; runId: number; totals: RunTotals }
  | { state: 'timeout'; runId: number; totals: RunTotals; timeLimitMs: number };

