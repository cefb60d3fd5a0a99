import { findDeadlock, type Deadlock, type RunSnapshot } from './deadlock.ts';

/**
 * When the hub reports a deadlock: findDeadlock (deadlock.ts) judges one
 * snapshot, this decides how often to ask it and when to believe it. A
 * deadlock is reported only once the same situation has been found, with the
 * doorbell quiet (no worker wrote an event), for DEADLOCK_STABLE_MS, so
 * messages still in flight cannot fake one; each situation is reported once.
 * Its clock and inputs are injected, so its timing is unit-tested without
 * timers (deadlock-watch.test.ts).
 */

export const DEADLOCK_CHECK_MS = 200;
export const DEADLOCK_STABLE_MS = 600;

export interface DeadlockWatchInputs {
  /** Milliseconds, any origin (the hub's performance.now). */
  clock: () => number;
  /** The run as it is now. */
  snapshot: () => RunSnapshot;
  /** The control block's doorbell: it changes whenever a worker writes an event. */
  doorbell: () => number;
}

export class DeadlockWatch {
  private readonly inputs: DeadlockWatchInputs;
  private lastCheck = 0;
  private candidate: { key: string; since: number; doorbell: number } | null = null;
  private reported = '';

  constructor(inputs: DeadlockWatchInputs) {
    this.inputs = inputs;
  }

  /** Checks when a check is due (every DEADLOCK_CHECK_MS); returns a deadlock to report now, else null. */
  poll(): Deadlock | null {
    if (this.inputs.clock() - this.lastCheck < DEADLOCK_CHECK_MS) return null;
    this.lastCheck = this.inputs.clock();
    return this.check();
  }

  private check(): Deadlock | null {
    const found = findDeadlock(this.inputs.snapshot());
    if (!found) {
      this.candidate = null;
      this.reported = '';
      return null;
    }
    const doorbell = this.inputs.doorbell();
    const now = this.inputs.clock();
    if (!this.candidate || this.candidate.key !== found.key || this.candidate.doorbell !== doorbell) {
      this.candidate = { key: found.key, since: now, doorbell };
      return null;
    }
    if (now - this.candidate.since < DEADLOCK_STABLE_MS || this.reported === found.key) return null;
    this.reported = found.key;
    return found;
  }
}
