import { array, bool, int, num, object, oneOf, optional, str, union, type Infer } from '../schema.ts';
import { LANE_STATES, MESSAGE_KINDS, STREAMS, runErrorInfo } from './events.ts';

/**
 * The records a worker writes into its event ring (core/event-ring.ts), read
 * by the hub; the same records travel by message (`ring-overflow`) when the
 * ring is full.
 */

/** What a blocked or idle worker is waiting for (for the deadlock detector). */
export const WAIT_KINDS = ['mutex', 'semaphore', 'recv', 'send', 'join', 'pool', 'atomics', 'sleep'] as const;
export type WaitKind = (typeof WAIT_KINDS)[number];

export const waitRef = object({
  kind: oneOf(WAIT_KINDS),
  /** Runtime object id (mutex/semaphore/channel) or task id (join). */
  ref: optional(int()),
});
export type WaitRef = Infer<typeof waitRef>;

/** A lock and the snippet line it was taken at (when the call was marked: core/lock-trail.ts). */
export const lockSite = object({ lock: str(), line: optional(int()) });

export const ringEvent = union('k', {
  console: object({ t: num(), stream: oneOf(STREAMS), text: str() }),
  state: object({
    t: num(),
    state: oneOf(LANE_STATES),
    /** Runtime waits that can end this state (empty for running/idle). */
    waits: array(waitRef),
    /** Semaphore ids this worker holds permits of. */
    holds: array(int()),
    /** True when something other than the waits can wake the worker (timers, timeouts, fetch). */
    wakeable: bool(),
  }),
  phase: object({ t: num(), phase: oneOf(['started', 'finished', 'failed']), error: optional(str()) }),
  /** Main only: the module has settled and nothing is pending in its worker. */
  quiet: object({ t: num(), quiet: bool() }),
  /** A message this lane received from lane id `from`, sent at `sent` (the hub names both lanes). */
  message: object({ t: num(), sent: num(), from: int(), kind: oneOf(MESSAGE_KINDS), via: optional(str()) }),
  /** An error nobody caught: ends the run. */
  uncaught: object({ t: num(), error: runErrorInfo, text: str() }),
  /** The lane took `then`, blocking, while holding `held` (oldest first): edges of the lock-order graph. Sent once per new pair. */
  'lock-nest': object({ t: num(), held: array(lockSite), then: lockSite }),
  /** The lane's atomic reads have seen one cell keep one value for a while: streak `streak` began, at `line`, on `cell` (`flag[1]`). */
  spin: object({ t: num(), streak: int(), cell: str(), line: optional(int()) }),
});
export type RingEvent = Infer<typeof ringEvent>;
export type StateRecord = Extract<RingEvent, { k: 'state' }>;
