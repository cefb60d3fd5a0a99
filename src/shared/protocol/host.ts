import { bool, int, literal, object, oneOf, port, str, union, type Infer } from '../schema.ts';

/**
 * Page (runner) ⇄ host (the sandboxed frame, or the page itself in dev), and
 * the first message a run worker receives (`RunStart`).
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

/** What the page decides about a run; the host adds where the workers' code comes from. */
const runStartFields = {
  type: literal('run-start'),
  runId: int(),
  code: str(),
  /** The page's URL: relative `fetch` URLs resolve against it. */
  pageUrl: str(),
  /** Port to the runner: every report of the run travels on it. */
  port: port(),
  deadlock: deadlockPolicy,
};

/** The first message a run worker receives. */
export const runStart = object({ ...runStartFields, hub: workerSource, task: workerSource });
export type RunStart = Infer<typeof runStart>;

/**
 * Page → frame. The frame's script (runner/frame-bootstrap.ts) is inlined
 * and imports nothing, so only the type is used; the run worker checks the
 * start it forwards.
 */
export const hostRequest = union('type', {
  'host-init': object({ code: object({ run: str(), hub: str(), task: str() }) }),
  /** The frame adds the worker sources it was given at `host-init`. */
  'host-run': object({ runId: int(), start: object(runStartFields) }),
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
