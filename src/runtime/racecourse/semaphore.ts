import { context, hasContext, lockTrail } from '../core/context.ts';
import { SyncObject, asyncWait, blockingWait, registerSyncClass, touch, type SyncOptions } from './sync-object.ts';
import { SEMAPHORE } from '../core/sync-layouts.ts';
import { takeLockLine } from '../core/lock-trail.ts';

/**
 * A counting semaphore in shared memory: one Int32 of free permits.
 * `acquire()` blocks the thread while it is 0; `acquireAsync()` awaits.
 * Permits have no owner (any worker may release), but each worker counts
 * what it took, so a deadlock report can say who holds permits.
 */

const { COUNT } = SEMAPHORE;
const SPINS = 64;

export class Semaphore extends SyncObject {
  protected readonly kind = 'semaphore' as const;
  private readonly cells: Int32Array;

  constructor(permits = 1, options?: SyncOptions | string) {
    super('semaphore', 8, options);
    this.cells = new Int32Array(this.sab);
    if (!this.revived) {
      if (!Number.isInteger(permits) || permits < 0)
        throw new RangeError(`new Semaphore(n) needs a whole number of permits ≥ 0 (got ${String(permits)}).`);
      Atomics.store(this.cells, COUNT, permits);
    }
  }

  /** Takes a permit, blocking this worker while none is free. */
  acquire(): void {
    touch();
    const line = takeLockLine();
    this.take();
    this.taken(line, true);
  }

  private take(): void {
    if (this.grab()) return;
    for (let i = 0; i < SPINS; i++) if (this.grab()) return;
    for (;;) {
      blockingWait(this.cells, COUNT, 0, { kind: 'semaphore', ref: this.id });
      if (this.grab()) return;
    }
  }

  /** Takes a permit without blocking the event loop. */
  async acquireAsync(): Promise<void> {
    touch();
    const line = takeLockLine();
    if (this.grab()) return this.taken(line, true);
    const done = hasContext() ? context().meter.asyncWait({ kind: 'semaphore', ref: this.id }) : () => {};
    try {
      while (!this.grab()) await asyncWait(this.cells, COUNT, 0);
    } finally {
      done();
    }
    this.taken(line, true);
  }

  /** Takes a permit if one is free; never waits. */
  tryAcquire(): boolean {
    const line = takeLockLine();
    if (!this.grab()) return false;
    this.taken(line, false);
    return true;
  }

  /** For the lock-order graph: this lane now holds a permit (core/lock-trail.ts). */
  private taken(line: number | undefined, blocking: boolean): void {
    lockTrail()?.acquired(this.id, this.name, line, blocking);
  }

  private grab(): boolean {
    for (;;) {
      const free = Atomics.load(this.cells, COUNT);
      if (free <= 0) return false;
      if (Atomics.compareExchange(this.cells, COUNT, free, free - 1) === free) {
        if (hasContext()) context().meter.hold(this.id, 1);
        return true;
      }
    }
  }

  /** Returns a permit and wakes one waiter. */
  release(): void {
    touch();
    Atomics.add(this.cells, COUNT, 1);
    Atomics.notify(this.cells, COUNT, 1);
    if (hasContext()) {
      context().meter.hold(this.id, -1);
      lockTrail()?.released(this.id);
    }
  }

  /** Permits free right now. */
  get available(): number {
    return Atomics.load(this.cells, COUNT);
  }

  protected override describe(): string {
    return `name: '${this.name}', available: ${this.available}`;
  }
}

registerSyncClass('semaphore', () => new Semaphore());
