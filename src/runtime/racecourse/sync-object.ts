import type { SyncObjectKind } from '../../shared/protocol/index.ts';
import { context, hasContext, original } from '../core/context.ts';
import { INSPECT } from '../core/format.ts';
import { SHAREABLE, packedRecord, registerReviver, type PackedObject } from '../core/transfer.ts';

/**
 * What Mutex, Semaphore and Channel share: shared memory, a run-wide id and
 * a name for messages ("mutex A", else "mutex #1"), registration with the
 * hub (which reads their memory to explain a deadlock), and the ability to
 * travel to another worker as a working object.
 */

export interface SyncOptions {
  /** Shown in deadlock reports and on the timeline. */
  name?: string;
}

let localIds = 0;
let pendingRevival: PackedObject | null = null;

/**
 * Lets objects of `kind` travel to other workers: a record that arrives
 * becomes `make()`'s object, built over the record's shared memory. During
 * that construction `revived` is true, so a subclass leaves the memory as it
 * found it (its constructor's arguments are then the defaults).
 */
export function registerSyncClass(kind: SyncObjectKind, make: () => SyncObject): void {
  registerReviver(kind, (packed) => {
    pendingRevival = packed;
    try {
      return make();
    } finally {
      pendingRevival = null;
    }
  });
}

export abstract class SyncObject {
  readonly id: number;
  readonly name: string;
  protected readonly sab: SharedArrayBuffer;
  protected abstract readonly kind: SyncObjectKind;
  /** True when this object was built over memory that arrived from another worker: do not initialise it. */
  protected readonly revived: boolean;

  protected constructor(kind: SyncObjectKind, bytes: number, options: SyncOptions | string | undefined) {
    const revived = pendingRevival;
    pendingRevival = null;
    this.revived = revived !== null;
    if (revived) {
      this.id = revived.id;
      this.name = revived.name;
      this.sab = revived.sab;
      return;
    }
    this.sab = new SharedArrayBuffer(bytes);
    const label = typeof options === 'string' ? options : options?.name;
    if (hasContext()) {
      const ctx = context();
      ctx.control.markSyncObjects();
      this.id = ctx.control.nextNumber('nextObjectId');
      const counter = kind === 'mutex' ? 'nextMutex' : kind === 'semaphore' ? 'nextSemaphore' : 'nextChannel';
      const number = ctx.control.nextNumber(counter);
      this.name = label ? `${kind} ${label}` : `${kind} #${number}`;
      ctx.send({ type: 'register', kind, id: this.id, name: this.name, sab: this.sab });
    } else {
      this.id = ++localIds;
      this.name = label ? `${kind} ${label}` : `${kind} #${this.id}`;
    }
  }

  get [SHAREABLE](): true {
    return true;
  }

  pack(): PackedObject {
    return packedRecord(this.kind, this.id, this.name, this.sab);
  }

  [INSPECT](): string {
    return `${this.constructor.name} { ${this.describe()} }`;
  }

  protected describe(): string {
    return `name: '${this.name}'`;
  }
}

/** The calling worker: its id in the run (0 = main) and display name. */
export function me(): { id: number; name: string } {
  if (!hasContext()) return { id: 0, name: 'main' };
  const ctx = context();
  return { id: ctx.id, name: ctx.name };
}

/** This worker's id + 1, as stored in a mutex's owner cell (cheap: no allocation). */
export function ownerTag(): number {
  return hasContext() ? context().id + 1 : 1;
}

export function touch(): void {
  if (hasContext()) context().meter.touch();
}

/** Waits shorter than this are not worth an event (the hub would fold them away anyway). */
const QUIET_WAIT_MS = 1;

/**
 * Blocks the thread in `Atomics.wait` with the lane shown as waiting on
 * `ref`. The first millisecond is not reported: a lock handed over within it
 * (the common case under contention) costs no events at all; a longer wait
 * is reported from its true start. Safe for the runtime's own objects, whose
 * wakers always change the value before they notify.
 */
export function blockingWait(
  cells: Int32Array,
  index: number,
  value: number,
  ref: { kind: 'mutex' | 'semaphore' | 'sleep' | 'atomics'; ref?: number },
  timeout = Infinity,
): 'ok' | 'not-equal' | 'timed-out' {
  if (!hasContext()) return original.atomicsWait(cells, index, value, timeout);
  const ctx = context();
  if (ctx.meter.isBlocked) return original.atomicsWait(cells, index, value, timeout);
  const since = ctx.now();
  const quiet = Math.min(timeout, QUIET_WAIT_MS);
  const first = original.atomicsWait(cells, index, value, quiet);
  if (first !== 'timed-out' || timeout <= QUIET_WAIT_MS) return first;
  ctx.meter.blockStart(ref, Number.isFinite(timeout), since);
  ctx.flushOverflow();
  try {
    return original.atomicsWait(cells, index, value, timeout - QUIET_WAIT_MS);
  } finally {
    ctx.meter.blockEnd();
  }
}

/** Awaits a change of `cells[index]` away from `value` without blocking the thread. */
export async function asyncWait(cells: Int32Array, index: number, value: number): Promise<void> {
  const waitAsync = original.atomicsWaitAsync;
  if (!waitAsync) {
    // No Atomics.waitAsync: poll politely.
    while (Atomics.load(cells, index) === value) await new Promise((r) => original.setTimeout(r, 1));
    return;
  }
  const result = waitAsync(cells, index, value);
  if (result.async) await result.value;
}
