import type { LaneState, RingEvent, WaitRef } from '../../shared/protocol/index.ts';

/**
 * The instrumentation of one worker: which state its lane is in, from the
 * runtime's own point of view.
 *
 * - Blocking calls (lock, acquire, sleepSync, join-free `Atomics.wait`) mark
 *   `waiting`/`sleeping` around the block, exactly.
 * - Every entry into the worker that the runtime sees (its messages, timers,
 *   wrapped event handlers, resolved waits) marks `running` and schedules a
 *   probe: a message to itself that runs once the event loop has worked
 *   through what was queued. When the probe runs, nothing of ours is
 *   executing, so the lane is idle — `waiting` if the worker awaits a runtime
 *   object, `sleeping` if it awaits `sleep`, else `idle` (no segment).
 *
 * The cost on a busy loop is zero: nothing is measured inside it. Each
 * transition costs one ring record.
 */

interface Blocked {
  ref: WaitRef;
  sleeping: boolean;
  finite: boolean;
}

export interface MeterHooks {
  emit(event: RingEvent): void;
  now(): number;
  /** Queue a call of `probe()` behind whatever is queued now. */
  schedule(): void;
}

export class Meter {
  private state: LaneState = 'idle';
  private blocked: Blocked | null = null;
  private readonly waits = new Map<number, WaitRef>();
  private nextToken = 1;
  private probeScheduled = false;
  private lastWaitKey = '';
  private readonly hooks: MeterHooks;
  /** Semaphore id → permits this worker holds (for deadlock reports). */
  private readonly held = new Map<number, number>();
  /** Pending timers and fetches: ways the worker can wake without the runtime. */
  timers = 0;
  fetches = 0;
  /** Workers the snippet created itself (new Worker): the runtime cannot see what they do. */
  rawWorkers = 0;
  /** Main only: called on each probe to report whether the worker is quiet. */
  onIdle: (() => void) | null = null;

  constructor(hooks: MeterHooks) {
    this.hooks = hooks;
  }

  get pendingWaits(): number {
    return this.waits.size;
  }

  get isBlocked(): boolean {
    return this.blocked !== null;
  }

  /** Something of ours runs now. Cheap when already running. */
  touch(): void {
    if (this.blocked) return;
    if (this.state !== 'running') this.set('running', [], false);
    if (!this.probeScheduled) {
      this.probeScheduled = true;
      this.hooks.schedule();
    }
  }

  /** The worker is about to block the thread (Atomics.wait underneath); `since` if it already has. */
  blockStart(ref: WaitRef, finite: boolean, since?: number): void {
    const sleeping = ref.kind === 'sleep';
    this.blocked = { ref, sleeping, finite };
    this.set(sleeping ? 'sleeping' : 'waiting', [ref], finite || this.rawWorkers > 0, since);
  }

  blockEnd(): void {
    this.blocked = null;
    this.touch();
  }

  /** An awaited runtime operation begins; call the result when it settles. */
  asyncWait(ref: WaitRef): () => void {
    const token = this.nextToken++;
    this.waits.set(token, ref);
    return () => {
      if (this.waits.delete(token)) this.touch();
    };
  }

  hold(semaphore: number, delta: number): void {
    const n = (this.held.get(semaphore) ?? 0) + delta;
    if (n > 0) this.held.set(semaphore, n);
    else this.held.delete(semaphore);
  }

  /** The probe: our queued work is done; decide what the lane is doing. */
  probe(): void {
    this.probeScheduled = false;
    if (this.blocked) return;
    const waits = [...this.waits.values()];
    const sleeping = waits.some((w) => w.kind === 'sleep');
    const waiting = waits.some((w) => w.kind !== 'sleep');
    const wakeable = sleeping || this.timers > 0 || this.fetches > 0 || this.rawWorkers > 0;
    if (waiting) this.set('waiting', waits, wakeable);
    else if (sleeping) this.set('sleeping', waits, true);
    else this.set('idle', [], wakeable);
    this.onIdle?.();
  }

  /** Final state when the worker's work is over. */
  finish(): void {
    this.blocked = null;
    this.waits.clear();
    this.set('idle', [], false);
  }

  private set(state: LaneState, waits: WaitRef[], wakeable: boolean, at?: number): void {
    const key = state === 'running' ? '' : `${waits.map((w) => `${w.kind}:${w.ref ?? ''}`).join(',')}|${wakeable}`;
    if (state === this.state && key === this.lastWaitKey) return;
    this.state = state;
    this.lastWaitKey = key;
    this.hooks.emit({
      k: 'state',
      t: at ?? this.hooks.now(),
      state,
      waits,
      holds: [...this.held.keys()],
      wakeable,
    });
  }
}
