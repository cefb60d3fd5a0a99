import { array, bool, int, num, object, oneOf, optional, port, sab, str, union, unknownValue, type Infer } from '../schema.ts';
import { deadlockPolicy, runEnvironment, workerSource } from './host.ts';
import { runErrorInfo } from './events.ts';
import { ringEvent } from './ring.ts';
import { fetchRequest } from './run-report.ts';
import { fnSource } from './task.ts';

/**
 * The run worker and the tasks ⇄ the hub: `hub-init`, the requests every
 * worker sends the hub on its hub port, and the hub's messages to main.
 */

export const hubInit = union('type', {
  /** First, when the run worker boots ahead of need: start `warmTasks` task workers and wait. */
  'hub-boot': object({ task: workerSource, warmTasks: int() }),
  /** Then the run. */
  'hub-init': object({
    runId: int(),
    control: sab(),
    mainRing: sab(),
    mainPort: port(),
    runnerPort: port(),
    snippet: str(),
    pageUrl: str(),
    deadlock: deadlockPolicy,
    environment: runEnvironment,
  }),
});
export type HubInit = Extract<Infer<typeof hubInit>, { type: 'hub-init' }>;
export type HubBoot = Extract<Infer<typeof hubInit>, { type: 'hub-boot' }>;

export const spawnRequest = object({
  id: int(),
  name: str(),
  t: num(),
  /** Absent for pool workers, which receive their functions job by job. */
  fn: optional(fnSource),
  args: array(unknownValue()),
  port: port(),
  /** The pool's id for pool workers, else 0. */
  pool: int(),
});
export type SpawnRequest = Infer<typeof spawnRequest>;

export const SYNC_OBJECT_KINDS = ['mutex', 'semaphore', 'channel'] as const;
export type SyncObjectKind = (typeof SYNC_OBJECT_KINDS)[number];

export const hubRequest = union('type', {
  spawn: object({ request: spawnRequest }),
  /** `close` is a Pool ending its workers (lane ends `finished`); `terminate` is Task.terminate(). */
  terminate: object({ id: int(), t: num(), reason: oneOf(['terminate', 'close']) }),
  /** The snippet starts executing now: the run's time zero. */
  started: object({ startAbs: num() }),
  register: object({ kind: oneOf(SYNC_OBJECT_KINDS), id: int(), name: str(), sab: sab() }),
  /** The sender's ring was full: the same records, by message. */
  'ring-overflow': object({ from: int(), events: array(ringEvent) }),
  /** A task's function has settled; `keepAlive` when it listens for messages. */
  'task-end': object({ id: int(), keepAlive: bool() }),
  /** A task failed and its spawner had not joined it (yet). */
  'failure-unjoined': object({ id: int(), text: str(), error: runErrorInfo }),
  'failure-joined': object({ id: int() }),
  'quiet-reply': object({ token: int(), quiet: bool() }),
  fetch: object({ request: fetchRequest, reply: port() }),
  /** The sender's spin board (worker/spin-site.ts): whether its atomic reads keep seeing one value. */
  'spin-board': object({ sab: sab() }),
});
export type HubRequest = Infer<typeof hubRequest>;

export const hubToMain = union('type', {
  'hub-ready': object({}),
  'quiet-check': object({ token: int() }),
});
export type HubToMain = Infer<typeof hubToMain>;
