import { bool, int, literal, num, object, oneOf, port, str, union, type Infer } from '../schema.ts';

/**
 * Page (runner) ⇄ host (the sandboxed frame, or the page itself in dev), and
 * the two messages a run worker receives: `RunBoot` when it is started ahead
 * of need, `RunStart` when a run takes it.
 */

/**
 * Where a worker's code comes from. `classic` scripts are what the host
 * frame can start (it has an opaque origin, and module workers from blob
 * URLs fail there); `module` is used in dev, where Vite serves modules.
 */
export const workerSource = object({ url: str(), type: oneOf(['classic', 'module']) });
export type WorkerSource = Infer<typeof workerSource>;

export const deadlockPolicy = oneOf(['end', 'report']);
export type DeadlockPolicy = Infer<typeof deadlockPolicy>;

/**
 * What every worker of a run agrees on, handed down from the run worker
 * before any learner code: the core count the page reports (so that every
 * worker says the same, and tests can vary it), and `compute(ms)`'s rate,
 * measured once per run before the learner's clock starts.
 */
export const runEnvironment = object({
  /** The page's `navigator.hardwareConcurrency`: `cores`, and `navigator.hardwareConcurrency` in every worker of the run. */
  cores: int(),
  /** `compute(ms)`'s loop iterations per millisecond on a free core. */
  computeRate: num(),
});
export type RunEnvironment = Infer<typeof runEnvironment>;

/**
 * The first message of a run worker, sent when the host starts it ahead of
 * need: it starts its hub, which starts `warmTasks` task workers, and it
 * measures `compute`'s rate. Then it waits for its `RunStart`.
 */
const runBootFields = {
  hub: workerSource,
  task: workerSource,
  warmTasks: int(),
};

/** What the page decides about a run. */
const runStartFields = {
  runId: int(),
  code: str(),
  /** The page's URL: relative `fetch` URLs resolve against it. */
  pageUrl: str(),
  /** Port to the runner: every report of the run travels on it. */
  port: port(),
  deadlock: deadlockPolicy,
  /** The page's `navigator.hardwareConcurrency` (see RunEnvironment). */
  cores: int(),
};

/** A run worker's two messages: `run-boot` first, then `run-start`, the run itself. */
export const runWorkerMessage = union('type', {
  'run-boot': object(runBootFields),
  'run-start': object(runStartFields),
});
export type RunWorkerMessage = Infer<typeof runWorkerMessage>;
export type RunBoot = Extract<RunWorkerMessage, { type: 'run-boot' }>;
export type RunStart = Extract<RunWorkerMessage, { type: 'run-start' }>;
const runStart = object({ type: literal('run-start'), ...runStartFields });

/**
 * Page → frame. The frame's script (runner/frame-bootstrap.ts) is inlined
 * and imports nothing, so only the type is used; the run worker checks the
 * start it forwards.
 */
export const hostRequest = union('type', {
  'host-init': object({ code: object({ run: str(), hub: str(), task: str() }) }),
  /** Have a run worker booted and waiting (with `warmTasks` task workers), if none is. */
  'host-prepare': object({ warmTasks: int() }),
  /** Hand the waiting run worker (or a new one) its run; nothing new is booted until the next `host-prepare`. */
  'host-run': object({ runId: int(), start: runStart, warmTasks: int() }),
  'host-stop': object({ runId: int() }),
});
export type HostRequest = Infer<typeof hostRequest>;

/** Frame → page. */
export const hostReply = union('type', {
  /** `isolated`: the frame has SharedArrayBuffer (cross-origin isolated). */
  'host-loaded': object({ isolated: bool() }),
  'host-ready': object({}),
  'host-worker-error': object({ runId: int(), message: str() }),
});
export type HostReply = Infer<typeof hostReply>;
