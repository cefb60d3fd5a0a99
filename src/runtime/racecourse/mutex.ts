import { context, hasContext, lockTrail } from '../core/context.ts';
import { SyncObject, asyncWait, blockingWait, me, ownerTag, registerSyncClass, touch, type SyncOptions } from './sync-object.ts';
import { MUTEX } from '../core/sync-layouts.ts';
import { takeLockLine } from '../core/lock-trail.ts';

/**
 * A lock in shared memory (Drepper's three-state futex mutex: 0 free,
 * 1 held, 2 held with waiters) plus the owner's worker id, so unlocking a
 * mutex you do not hold throws, and the deadlock detector can say who holds
 * it. `lock()` blocks the thread with Atomics.wait; `lockAsync()` waits with
 * Atomics.waitAsync and leaves the event loop free.
 */

const { STATE, OWNER } = MUTEX;
const SPINS = 64;

export class Mutex extends SyncObject {
  protected readonly kind = 'mutex' as const;
  private readonly cells: Int32Array;

  constructor(options?: SyncOptions | string) {
    super('mutex', 8, options);
    this.cells = new Int32Array(this.sab);
  }

  /** Blocks this worker until it owns the lock. */
  lock(): void {
    touch();
    const line = takeLockLine();
    if (!this.grab()) this.wait();
    this.taken(line, true);
  }

  /** The slow path of lock(): spin a little, then block. */
  private wait(): void {
    const self = me();
    if (Atomics.load(this.cells, OWNER) === self.id + 1)
      throw new Error(
        `Deadlock: ${self.name} already holds ${this.name}, so lock() would wait forever. ` +
          'A Mutex is not reentrant: unlock() it first, or use tryLock().',
      );
    for (let i = 0; i < SPINS; i++) if (Atomics.load(this.cells, STATE) === 0 && this.grab()) return;
    let c = Atomics.exchange(this.cells, STATE, 2);
    while (c !== 0) {
      blockingWait(this.cells, STATE, 2, { kind: 'mutex', ref: this.id });
      c = Atomics.exchange(this.cells, STATE, 2);
    }
    Atomics.store(this.cells, OWNER, ownerTag());
  }

  /** Waits for the lock without blocking the worker's event loop. */
  async lockAsync(): Promise<void> {
    touch();
    const line = takeLockLine();
    if (this.grab()) return this.taken(line, true);
    const done = hasContext() ? context().meter.asyncWait({ kind: 'mutex', ref: this.id }) : () => {};
    try {
      let c = Atomics.exchange(this.cells, STATE, 2);
      while (c !== 0) {
        await asyncWait(this.cells, STATE, 2);
        c = Atomics.exchange(this.cells, STATE, 2);
      }
      Atomics.store(this.cells, OWNER, ownerTag());
    } finally {
      done();
    }
    this.taken(line, true);
  }

  /** Takes the lock if it is free; never waits. */
  tryLock(): boolean {
    const line = takeLockLine();
    if (!this.grab()) return false;
    this.taken(line, false);
    return true;
  }

  private grab(): boolean {
    if (Atomics.compareExchange(this.cells, STATE, 0, 1) !== 0) return false;
    Atomics.store(this.cells, OWNER, ownerTag());
    return true;
  }

  /** For the lock-order graph: this lane now holds the lock (core/lock-trail.ts). */
  private taken(line: number | undefined, blocking: boolean): void {
    lockTrail()?.acquired(this.id, this.name, line, blocking);
  }

  unlock(): void {
    touch();
    const owner = Atomics.load(this.cells, OWNER);
    if (owner !== ownerTag()) {
      const self = me();
      const held = owner === 0 ? 'nobody holds it' : `it is held by ${owner === 1 ? 'main' : `worker-${owner - 1}`}`;
      throw new Error(`Cannot unlock ${this.name}: ${self.name} does not hold it (${held}).`);
    }
    Atomics.store(this.cells, OWNER, 0);
    if (Atomics.exchange(this.cells, STATE, 0) === 2) Atomics.notify(this.cells, STATE, 1);
    lockTrail()?.released(this.id); // after the release: not inside the critical section
  }

  /** Runs `fn` holding the lock; unlocks when it returns, throws or (if it returns a promise) settles. */
  withLock<T>(fn: () => T): T {
    this.lock(); // reads the line the marker set for withLock
    let result: T;
    try {
      result = fn();
    } catch (error) {
      this.unlock();
      throw error;
    }
    if (result instanceof Promise) return result.finally(() => this.unlock()) as T;
    this.unlock();
    return result;
  }

  /** True while some worker holds the lock. */
  get locked(): boolean {
    return Atomics.load(this.cells, STATE) !== 0;
  }

  protected override describe(): string {
    return `name: '${this.name}', locked: ${this.locked}`;
  }
}

registerSyncClass('mutex', () => new Mutex());

