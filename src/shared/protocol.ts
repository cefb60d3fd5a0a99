/**
 * The whole message protocol of a run, in one dependency-free file.
 *
 *   page (runner) ⇄ host frame ⇄ run worker ⇄ hub worker ⇄ task workers
 *
 * Every message is a tagged union member (`type`), and every message that
 * answers or refers to another carries an id (`runId`, task `id`, `jobId`,
 * `token`). Each receiver checks what it got with the `parse…` validator for
 * its union before trusting it; a message that fails is reported as a
 * `system` line (see `describeProblem`), never acted on.
 *
 * Part 1 is what the page sees: `RunEvent`s and the `RunResult`. The rest is
 * the runtime's own plumbing.
 */

// ───────────────────────── 1. What a run reports ─────────────────────────

/** `system` lines are the runtime's own: errors, limits, deadlock reports. */
export type Stream = 'log' | 'info' | 'warn' | 'error' | 'system';
export const STREAMS: readonly Stream[] = ['log', 'info', 'warn', 'error', 'system'];

/**
 * A lane's state as measured by the runtime's instrumentation. `idle` means
 * "not executing JavaScript and not waiting for the runtime": no segment.
 */
export type LaneState = 'running' | 'waiting' | 'sleeping' | 'idle';
export const LANE_STATES: readonly LaneState[] = ['running', 'waiting', 'sleeping', 'idle'];

export type TaskPhase = 'spawned' | 'started' | 'finished' | 'failed' | 'terminated';
export const TASK_PHASES: readonly TaskPhase[] = ['spawned', 'started', 'finished', 'failed', 'terminated'];

export type EndState = 'done' | 'error' | 'stopped' | 'timeout';
export const END_STATES: readonly EndState[] = ['done', 'error', 'stopped', 'timeout'];

/** The lane of the snippet itself; tasks are `worker-1`, `worker-2`, … */
export const MAIN_LANE = 'main';

/** Every event has `t`: milliseconds since the run started (the `now()` clock). */
export interface ConsoleEvent {
  type: 'console';
  seq: number;
  t: number;
  /** Lane that printed it: `main`, `worker-N`, or `runtime` for system lines. */
  task: string;
  stream: Stream;
  text: string;
}

export interface TaskEvent {
  type: 'task';
  seq: number;
  t: number;
  task: string;
  id: number;
  phase: TaskPhase;
  /** Lane that spawned it (on `spawned`). */
  parent?: string;
  /** True for the workers of a `Pool`. */
  pool?: boolean;
  /** On `failed`: `Name: message`. */
  error?: string;
}

export interface StateEvent {
  type: 'state';
  seq: number;
  t: number;
  task: string;
  state: LaneState;
  /** What a waiting/sleeping lane waits for, in words: `mutex A`, `join worker-2`, `channel jobs (recv)`, `sleep`. */
  on?: string;
}

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

export type RunEvent = ConsoleEvent | TaskEvent | StateEvent | RunStartedEvent | EndEvent;

/** An event before the runner has numbered it. */
export type WireEvent =
  | Omit<ConsoleEvent, 'seq'>
  | Omit<TaskEvent, 'seq'>
  | Omit<StateEvent, 'seq'>;

export type RunErrorKind = 'syntax' | 'uncaught' | 'deadlock' | 'crash' | 'limit' | 'internal';

export interface RunErrorInfo {
  kind: RunErrorKind;
  /** One line, e.g. `Uncaught TypeError: x is not a function (line 4, in worker-1)`. */
  message: string;
  line?: number;
  column?: number;
  task?: string;
}

/** The outcome of a run, tagged by its end state. */
export type RunResult =
  | { state: 'done'; runId: number; totals: RunTotals }
  | { state: 'error'; runId: number; totals: RunTotals; error: RunErrorInfo }
  | { state: 'stopped'; runId: number; totals: RunTotals }
  | { state: 'timeout'; runId: number; totals: RunTotals; timeLimitMs: number };

// ───────────────────── 2. Runner ⇄ host (the sandboxed frame) ─────────────────────

/**
 * Where a worker's code comes from. `classic` scripts are what the host
 * frame can start (it has an opaque origin, and module workers from blob
 * URLs fail there); `module` is used in dev, where Vite serves modules.
 */
export interface WorkerSource {
  url: string;
  type: 'classic' | 'module';
}

export type DeadlockPolicy = 'end' | 'report';

/** The first message a run worker receives. */
export interface RunStart {
  type: 'run-start';
  runId: number;
  code: string;
  /** The page's URL: relative `fetch` URLs resolve against it. */
  pageUrl: string;
  /** Port to the runner: every report of the run travels on it. */
  port: MessagePort;
  hub: WorkerSource;
  task: WorkerSource;
  deadlock: DeadlockPolicy;
}

export type HostRequest =
  | { type: 'host-init'; code: { run: string; hub: string; task: string } }
  | { type: 'host-run'; runId: number; start: RunStart }
  | { type: 'host-stop'; runId: number };

export type HostReply =
  /** `isolated`: the frame has SharedArrayBuffer (cross-origin isolated). */
  | { type: 'host-loaded'; isolated: boolean }
  | { type: 'host-ready' }
  | { type: 'host-worker-error'; runId: number; message: string };

// ───────────────────── 3. Run (run worker, hub) → runner ─────────────────────

export interface FetchRequest {
  url: string;
  method: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

export type FetchReply =
  | { type: 'fetch-reply'; ok: true; status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer }
  | { type: 'fetch-reply'; ok: false; message: string };

export type RunReport =
  /** The snippet is about to execute; `startAbs` is the run's time zero (timeOrigin + now). */
  | { type: 'started'; runId: number; startAbs: number }
  | { type: 'events'; runId: number; events: WireEvent[]; droppedLines: number }
  /** The run ended by itself; `lingering` counts workers still busy or blocked (they need ending by force). */
  | { type: 'end'; runId: number; state: 'done' | 'error'; t: number; lingering: number; error?: RunErrorInfo }
  /** Sent at least every `LIMITS.aliveIntervalMs`: silence means the run's process died. */
  | { type: 'alive'; runId: number }
  /** Same-origin fetch done by the page on the run's behalf; the answer goes to `reply`. */
  | { type: 'fetch'; runId: number; request: FetchRequest; reply: MessagePort }
  /** Answer to `stop-run`: every task worker has been terminated. */
  | { type: 'stopped'; runId: number };

/**
 * Runner → run, on the same port. Chromium does not end the nested workers
 * of a terminated worker that are busy (a task in `while (true) {}` goes on
 * burning a core), so before its run worker is terminated the hub, the
 * tasks' parent, terminates each of them itself.
 */
export type RunnerRequest = { type: 'stop-run' };

// ───────────────────── 4. Inside the run ─────────────────────

/** Where the source of a function given to spawn/Pool sits in the snippet. */
export interface FnSource {
  source: string;
  /** 1-based line and 0-based column of the function's first character in the snippet. */
  line: number;
  column: number;
}

/** What a blocked or idle worker is waiting for (for the deadlock detector). */
export type WaitKind = 'mutex' | 'semaphore' | 'recv' | 'send' | 'join' | 'pool' | 'atomics' | 'sleep';
export const WAIT_KINDS: readonly WaitKind[] = ['mutex', 'semaphore', 'recv', 'send', 'join', 'pool', 'atomics', 'sleep'];

export interface WaitRef {
  kind: WaitKind;
  /** Runtime object id (mutex/semaphore/channel) or task id (join). */
  ref?: number;
}

/** Records a worker writes into its event ring, read by the hub. */
export type RingEvent =
  | { k: 'console'; t: number; stream: Stream; text: string }
  | {
      k: 'state';
      t: number;
      state: LaneState;
      /** Runtime waits that can end this state (empty for running/idle). */
      waits: WaitRef[];
      /** Semaphore ids this worker holds permits of. */
      holds: number[];
      /** True when something other than the waits can wake the worker (timers, timeouts, fetch). */
      wakeable: boolean;
    }
  | { k: 'phase'; t: number; phase: 'started' | 'finished' | 'failed'; error?: string }
  /** Main only: the module has settled and nothing is pending in its worker. */
  | { k: 'quiet'; t: number; quiet: boolean }
  /** An error nobody caught: ends the run. */
  | { k: 'uncaught'; t: number; error: RunErrorInfo; text: string };

export interface SpawnRequest {
  id: number;
  name: string;
  parentId: number;
  t: number;
  /** Absent for pool workers, which receive their functions job by job. */
  fn?: FnSource;
  args: unknown[];
  port: MessagePort;
  /** The pool's id for pool workers, else 0. */
  pool: number;
}

export type SyncObjectKind = 'mutex' | 'semaphore' | 'channel';

export type HubRequest =
  | { type: 'spawn'; request: SpawnRequest }
  /** `close` is a Pool ending its workers (lane ends `finished`); `terminate` is Task.terminate(). */
  | { type: 'terminate'; id: number; t: number; reason: 'terminate' | 'close' }
  /** The snippet starts executing now: the run's time zero. */
  | { type: 'started'; startAbs: number }
  | { type: 'register'; kind: SyncObjectKind; id: number; name: string; sab: SharedArrayBuffer; owner: number }
  /** The sender's ring was full: the same records, by message. */
  | { type: 'ring-overflow'; from: number; events: RingEvent[] }
  /** A task's function has settled; `keepAlive` when it listens for messages. */
  | { type: 'task-end'; id: number; keepAlive: boolean }
  /** A task failed and its spawner had not joined it (yet). */
  | { type: 'failure-unjoined'; id: number; text: string; error: RunErrorInfo }
  | { type: 'failure-joined'; id: number }
  | { type: 'quiet-reply'; token: number; quiet: boolean }
  | { type: 'fetch'; request: FetchRequest; reply: MessagePort };

export type HubToMain =
  | { type: 'hub-ready' }
  | { type: 'quiet-check'; token: number };

export interface HubInit {
  type: 'hub-init';
  runId: number;
  control: SharedArrayBuffer;
  mainRing: SharedArrayBuffer;
  mainPort: MessagePort;
  runnerPort: MessagePort;
  task: WorkerSource;
  snippet: string;
  pageUrl: string;
  deadlock: DeadlockPolicy;
}

export interface TaskInit {
  type: 'task-init';
  runId: number;
  id: number;
  name: string;
  control: SharedArrayBuffer;
  ring: SharedArrayBuffer;
  hubPort: MessagePort;
  spawnerPort: MessagePort;
  snippet: string;
  pageUrl: string;
  /** The pool's id for a pool worker, else 0. */
  pool: number;
  fn?: FnSource;
  args: unknown[];
}

/** A thrown value, made cloneable. `stack` already points into the snippet. */
export interface ErrorInfo {
  name: string;
  message: string;
  stack: string;
  line?: number;
  column?: number;
}

export type TaskToSpawner =
  | { type: 'result'; ok: true; value: unknown }
  | { type: 'result'; ok: false; error: ErrorInfo }
  | { type: 'message'; data: unknown }
  | { type: 'job-result'; jobId: number; results: JobOutcome[] };

export type JobOutcome = { ok: true; value: unknown } | { ok: false; error: ErrorInfo };

export type SpawnerToTask =
  | { type: 'message'; data: unknown }
  /** A batch of calls of one function; results come back in one `job-result`. */
  | { type: 'job'; jobId: number; fn: FnSource; calls: unknown[][] };

// ───────────────────────── 5. Limits shared by both sides ─────────────────────────

export const LIMITS = {
  /** Default time limit of a run. */
  defaultTimeLimitMs: 10_000,
  minTimeLimitMs: 100,
  maxTimeLimitMs: 600_000,
  /** Live task and pool workers in one run. */
  maxLiveWorkers: 64,
  /** Console lines kept per run; later ones are counted and dropped. */
  outputLines: 2_000,
  /** Characters kept of one console line. */
  lineChars: 10_000,
  /** The page declares a run dead after this long without a report. */
  silenceMs: 2_500,
  aliveIntervalMs: 250,
  /** A deadlock is reported within this time (contract: 2 s). */
  deadlockReportMs: 2_000,
} as const;

// ───────────────────────── 6. Validation on receipt ─────────────────────────

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

type Rec = Record<string, unknown>;
type Check = (value: unknown) => boolean;

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum: Check = (v) => typeof v === 'number' && !Number.isNaN(v);
const isInt: Check = (v) => Number.isInteger(v);
const isStr: Check = (v) => typeof v === 'string';
const isBool: Check = (v) => typeof v === 'boolean';
const isArr: Check = (v) => Array.isArray(v);
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const isPort: Check = (v) => typeof MessagePort !== 'undefined' && v instanceof MessagePort;
const isSab: Check = (v) => typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer;
const isAb: Check = (v) => v instanceof ArrayBuffer;
const isPairs: Check = (v) =>
  Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && isStr(p[0]) && isStr(p[1]));
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    isRecord(v) && Object.entries(fields).every(([key, check]) => check(v[key]));
const arrayOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);

const workerSource = shape({ url: isStr, type: oneOf(['classic', 'module']) });
const errorKind = oneOf(['syntax', 'uncaught', 'deadlock', 'crash', 'limit', 'internal']);
const runErrorInfo = shape({
  kind: errorKind,
  message: isStr,
  line: optional(isInt),
  column: optional(isInt),
  task: optional(isStr),
});
const errorInfo = shape({
  name: isStr,
  message: isStr,
  stack: isStr,
  line: optional(isInt),
  column: optional(isInt),
});
const fnSource = shape({ source: isStr, line: isInt, column: isInt });
const waitRef = shape({
  kind: oneOf(WAIT_KINDS),
  ref: optional(isInt),
});
const fetchRequest = shape({
  url: isStr,
  method: isStr,
  headers: isPairs,
  body: (v) => v === null || isAb(v),
});

const wireEvent: Check = (v) => {
  if (!isRecord(v) || !isNum(v.t) || !isStr(v.task)) return false;
  switch (v.type) {
    case 'console':
      return oneOf(STREAMS)(v.stream) && isStr(v.text);
    case 'task':
      return (
        isInt(v.id) &&
        oneOf(TASK_PHASES)(v.phase) &&
        optional(isStr)(v.parent) &&
        optional(isBool)(v.pool) &&
        optional(isStr)(v.error)
      );
    case 'state':
      return oneOf(LANE_STATES)(v.state) && optional(isStr)(v.on);
    default:
      return false;
  }
};

const ringEvent: Check = (v) => {
  if (!isRecord(v) || !isNum(v.t)) return false;
  switch (v.k) {
    case 'console':
      return oneOf(STREAMS)(v.stream) && isStr(v.text);
    case 'state':
      return oneOf(LANE_STATES)(v.state) && arrayOf(waitRef)(v.waits) && arrayOf(isInt)(v.holds) && isBool(v.wakeable);
    case 'phase':
      return oneOf(['started', 'finished', 'failed'])(v.phase) && optional(isStr)(v.error);
    case 'quiet':
      return isBool(v.quiet);
    case 'uncaught':
      return runErrorInfo(v.error) && isStr(v.text);
    default:
      return false;
  }
};

/** Each union is a table: tag → check of the whole message. */
type Table = Record<string, Check>;

function parseWith<T>(table: Table, what: string, data: unknown): Parsed<T> {
  if (!isRecord(data)) return { ok: false, problem: `${what}: not an object` };
  const tag = data.type;
  if (typeof tag !== 'string') return { ok: false, problem: `${what}: no type tag` };
  const check = table[tag];
  if (!check) return { ok: false, problem: `${what}: unknown type "${tag}"` };
  if (!check(data)) return { ok: false, problem: `${what}: malformed "${tag}" message` };
  return { ok: true, value: data as T };
}

const runStartCheck = shape({
  type: oneOf(['run-start']),
  runId: isInt,
  code: isStr,
  pageUrl: isStr,
  port: isPort,
  hub: workerSource,
  task: workerSource,
  deadlock: oneOf(['end', 'report']),
});

const hostRequests: Table = {
  'host-init': shape({ code: shape({ run: isStr, hub: isStr, task: isStr }) }),
  'host-run': shape({ runId: isInt, start: runStartCheck }),
  'host-stop': shape({ runId: isInt }),
};

const hostReplies: Table = {
  'host-loaded': shape({ isolated: isBool }),
  'host-ready': () => true,
  'host-worker-error': shape({ runId: isInt, message: isStr }),
};

const runReports: Table = {
  started: shape({ runId: isInt, startAbs: isNum }),
  events: shape({ runId: isInt, events: arrayOf(wireEvent), droppedLines: isInt }),
  end: shape({
    runId: isInt,
    state: oneOf(['done', 'error']),
    t: isNum,
    lingering: isInt,
    error: optional(runErrorInfo),
  }),
  alive: shape({ runId: isInt }),
  fetch: shape({ runId: isInt, request: fetchRequest, reply: isPort }),
  stopped: shape({ runId: isInt }),
};

const runnerRequests: Table = {
  'stop-run': () => true,
};

const spawnRequest = shape({
  id: isInt,
  name: isStr,
  parentId: isInt,
  t: isNum,
  fn: optional(fnSource),
  args: isArr,
  port: isPort,
  pool: isInt,
});

const hubRequests: Table = {
  spawn: shape({ request: spawnRequest }),
  terminate: shape({ id: isInt, t: isNum, reason: oneOf(['terminate', 'close']) }),
  started: shape({ startAbs: isNum }),
  register: shape({
    kind: oneOf(['mutex', 'semaphore', 'channel']),
    id: isInt,
    name: isStr,
    sab: isSab,
    owner: isInt,
  }),
  'ring-overflow': shape({ from: isInt, events: arrayOf(ringEvent) }),
  'task-end': shape({ id: isInt, keepAlive: isBool }),
  'failure-unjoined': shape({ id: isInt, text: isStr, error: runErrorInfo }),
  'failure-joined': shape({ id: isInt }),
  'quiet-reply': shape({ token: isInt, quiet: isBool }),
  fetch: shape({ request: fetchRequest, reply: isPort }),
};

const hubToMain: Table = {
  'hub-ready': () => true,
  'quiet-check': shape({ token: isInt }),
};

const hubInit: Table = {
  'hub-init': shape({
    runId: isInt,
    control: isSab,
    mainRing: isSab,
    mainPort: isPort,
    runnerPort: isPort,
    task: workerSource,
    snippet: isStr,
    pageUrl: isStr,
    deadlock: oneOf(['end', 'report']),
  }),
};

const taskInit: Table = {
  'task-init': shape({
    runId: isInt,
    id: isInt,
    name: isStr,
    control: isSab,
    ring: isSab,
    hubPort: isPort,
    spawnerPort: isPort,
    snippet: isStr,
    pageUrl: isStr,
    pool: isInt,
    fn: optional(fnSource),
    args: isArr,
  }),
};

const taskToSpawner: Table = {
  result: (v) => isRecord(v) && ((v.ok === true && 'value' in v) || (v.ok === false && errorInfo(v.error))),
  message: (v) => isRecord(v) && 'data' in v,
  'job-result': shape({
    jobId: isInt,
    results: arrayOf((r) => isRecord(r) && ((r.ok === true && 'value' in r) || (r.ok === false && errorInfo(r.error)))),
  }),
};

const spawnerToTask: Table = {
  message: (v) => isRecord(v) && 'data' in v,
  job: shape({ jobId: isInt, fn: fnSource, calls: arrayOf(isArr) }),
};

const fetchReplies: Table = {
  'fetch-reply': (v) =>
    isRecord(v) &&
    ((v.ok === true && isInt(v.status) && isStr(v.statusText) && isPairs(v.headers) && isAb(v.body)) ||
      (v.ok === false && isStr(v.message))),
};

export const parseHostRequest = (data: unknown) => parseWith<HostRequest>(hostRequests, 'host request', data);
export const parseHostReply = (data: unknown) => parseWith<HostReply>(hostReplies, 'host reply', data);
export const parseRunStart = (data: unknown): Parsed<RunStart> =>
  runStartCheck(data) ? { ok: true, value: data as RunStart } : { ok: false, problem: 'run start: malformed' };
export const parseRunReport = (data: unknown) => parseWith<RunReport>(runReports, 'run report', data);
export const parseRunnerRequest = (data: unknown) => parseWith<RunnerRequest>(runnerRequests, 'runner request', data);
export const parseHubRequest = (data: unknown) => parseWith<HubRequest>(hubRequests, 'hub request', data);
export const parseHubToMain = (data: unknown) => parseWith<HubToMain>(hubToMain, 'hub message', data);
export const parseHubInit = (data: unknown) => parseWith<HubInit>(hubInit, 'hub init', data);
export const parseTaskInit = (data: unknown) => parseWith<TaskInit>(taskInit, 'task init', data);
export const parseTaskToSpawner = (data: unknown) => parseWith<TaskToSpawner>(taskToSpawner, 'task message', data);
export const parseSpawnerToTask = (data: unknown) => parseWith<SpawnerToTask>(spawnerToTask, 'spawner message', data);
export const parseFetchReply = (data: unknown) => parseWith<FetchReply>(fetchReplies, 'fetch reply', data);
export const parseRingEvent = (data: unknown): Parsed<RingEvent> =>
  ringEvent(data) ? { ok: true, value: data as RingEvent } : { ok: false, problem: 'ring record: malformed' };

/** The `system` line for a message that failed validation. */
export function describeProblem(problem: string): string {
  return `Runtime: ignored an invalid internal message (${problem}).`;
}
