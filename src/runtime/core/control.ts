import { LIMITS } from '../../shared/protocol/index.ts';

/**
 * The run-wide control block: one SharedArrayBuffer every worker of a run
 * receives. Counters that must agree across nested spawners (task ids, live
 * workers, output lines, object numbers) live here, so no worker has to ask
 * another and wait for an answer.
 */

export const C = {
  nextTaskId: 0,
  liveWorkers: 1,
  outputLines: 2,
  nextMutex: 3,
  nextSemaphore: 4,
  nextChannel: 5,
  nextObjectId: 6,
  /** Bumped by producers; the hub sleeps on it when it has nothing to read. */
  doorbell: 7,
  hubSleeping: 8,
  /** Set once any Mutex/Semaphore/Channel exists: messages then need packing. */
  syncObjectsExist: 9,
  /** Messages between lanes received so far; the first LIMITS.messages are recorded. */
  messages: 10,
  /** Per-task "ended" flags start here (index = taskFlags + id). */
  taskFlags: 16,
} as const;

/** Tasks with larger ids are not tracked by flag (they still work). */
export const TRACKED_TASKS = 16_384;

const INT_CELLS = C.taskFlags + TRACKED_TASKS + 2; // even, so the Float64 tail is aligned

export function createControl(): SharedArrayBuffer {
  // Int32 cells, then one Float64: the run's time zero (timeOrigin + now).
  return new SharedArrayBuffer(INT_CELLS * 4 + 8);
}

export class Control {
  readonly sab: SharedArrayBuffer;
  readonly cells: Int32Array;
  private readonly start: Float64Array;

  constructor(sab: SharedArrayBuffer) {
    this.sab = sab;
    this.cells = new Int32Array(sab, 0, INT_CELLS);
    this.start = new Float64Array(sab, INT_CELLS * 4, 1);
  }

  /** The run's time zero as `performance.timeOrigin + performance.now()`; 0 before the snippet starts. */
  get startAbs(): number {
    return this.start[0] ?? 0;
  }

  set startAbs(value: number) {
    this.start[0] = value;
  }

  nextTaskId(): number {
    return Atomics.add(this.cells, C.nextTaskId, 1) + 1;
  }

  /** Claims a live-worker slot; false when the run is at its limit. */
  claimWorker(): boolean {
    for (;;) {
      const live = Atomics.load(this.cells, C.liveWorkers);
      if (live >= LIMITS.maxLiveWorkers) return false;
      if (Atomics.compareExchange(this.cells, C.liveWorkers, live, live + 1) === live) return true;
    }
  }

  releaseWorker(): void {
    Atomics.sub(this.cells, C.liveWorkers, 1);
  }

  get liveWorkers(): number {
    return Atomics.load(this.cells, C.liveWorkers);
  }

  /**
   * Marks a task ended exactly once, whoever notices first (the task itself,
   * its spawner's terminate(), or the hub); only the winner releases its slot.
   */
  markEnded(id: number): boolean {
    if (id <= 0 || id > TRACKED_TASKS) return true;
    return Atomics.compareExchange(this.cells, C.taskFlags + id, 0, 1) === 0;
  }

  /** Index of this console line in the run (0-based). */
  nextOutputLine(): number {
    return Atomics.add(this.cells, C.outputLines, 1);
  }

  get outputLines(): number {
    return Atomics.load(this.cells, C.outputLines);
  }

  /** Counts one message between lanes; true while it is among the first LIMITS.messages (record it). */
  claimMessage(): boolean {
    return Atomics.add(this.cells, C.messages, 1) < LIMITS.messages;
  }

  get messages(): number {
    return Atomics.load(this.cells, C.messages);
  }

  nextNumber(counter: 'nextMutex' | 'nextSemaphore' | 'nextChannel' | 'nextObjectId'): number {
    return Atomics.add(this.cells, C[counter], 1) + 1;
  }

  markSyncObjects(): void {
    if (Atomics.load(this.cells, C.syncObjectsExist) === 0) Atomics.store(this.cells, C.syncObjectsExist, 1);
  }

  get syncObjectsExist(): boolean {
    return Atomics.load(this.cells, C.syncObjectsExist) === 1;
  }

  /** Wakes the hub if it is asleep waiting for events. */
  ring(): void {
    Atomics.add(this.cells, C.doorbell, 1);
    if (Atomics.load(this.cells, C.hubSleeping) === 1) Atomics.notify(this.cells, C.doorbell);
  }
}
