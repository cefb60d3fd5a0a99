import { context, hasContext, original } from '../core/context.ts';
import { decodeValue, encodeValue, CodecError, type Refuse } from '../core/codec.ts';
import { SyncObject, asyncWait, registerSyncClass, touch, type SyncOptions } from './sync-object.ts';
import { SHAREABLE } from '../core/transfer.ts';
import { ByteRing } from '../core/byte-ring.ts';
import { CHANNEL } from '../core/sync-layouts.ts';
import { recordMessage } from '../core/messages.ts';

/**
 * A bounded FIFO in shared memory, usable from any worker of the run: a
 * header of counters (core/sync-layouts.ts) and a byte ring (core/byte-ring.ts)
 * of encoded values (see codec.ts), under a short internal lock. Waiting senders and receivers sleep on one change
 * counter with Atomics.waitAsync, so waiting never blocks an event loop.
 *
 * `capacity` 0 (the default) is a rendezvous channel, as in Go: `send`
 * completes when a receiver has taken the value.
 */

/**
 * Every item starts with a stamp: the sending lane's id (Int32, -1 outside a
 * run) and the time it entered the queue (Float64), so the receiver can record
 * the message chart's arrow from sender and send time to itself and now.
 */
const STAMP_BYTES = 12;
/** The stamp is written and read through these, not a DataView per item: it is on every send and receive. */
const stampTime = new Float64Array(1);
const stampTimeBytes = new Uint8Array(stampTime.buffer);

const { LOCK, COUNT, HEAD, TAIL, USED, CLOSED, SEQ, CAPACITY, SENT, RECEIVED, RENDEZVOUS, HEADER_BYTES } = CHANNEL;

export interface ChannelOptions extends SyncOptions {
  /** Bytes of shared memory for queued values (default: 64 KB per slot, 256 KB … 8 MB). */
  bytes?: number;
}

/** The runtime's own objects travel as spawn() arguments, not as channel values. */
const refuseSyncObjects: Refuse = (value) => {
  if ((value as { [SHAREABLE]?: unknown })[SHAREABLE] === true)
    throw new CodecError(
      `${(value as { name?: string }).name ?? 'This object'} could not be sent through a Channel: channels copy plain data. ` +
        'Pass a Mutex, Semaphore or Channel to the other worker as a spawn() argument instead.',
    );
};

export class Channel<T = unknown> extends SyncObject {
  protected readonly kind = 'channel' as const;
  private readonly header: Int32Array;
  private readonly ring: ByteRing;

  constructor(capacity = 0, options?: ChannelOptions | string) {
    const slots = Number.isInteger(capacity) && capacity >= 0 ? Math.max(1, capacity) : NaN;
    if (Number.isNaN(slots))
      throw new RangeError(`new Channel(capacity) needs a whole number ≥ 0 (got ${String(capacity)}).`);
    const requested = typeof options === 'object' && options.bytes ? options.bytes : slots * 64 * 1024;
    const bytes = Math.min(8 * 1024 * 1024, Math.max(256 * 1024, Math.ceil(requested / 4) * 4));
    super('channel', HEADER_BYTES + bytes, options);
    this.header = new Int32Array(this.sab, 0, HEADER_BYTES / 4);
    this.ring = new ByteRing(this.header, { head: HEAD, tail: TAIL, used: USED }, this.sab, HEADER_BYTES);
    if (!this.revived) {
      this.header[CAPACITY] = slots;
      this.header[RENDEZVOUS] = capacity === 0 ? 1 : 0;
    }
  }

  get capacity(): number {
    return this.header[RENDEZVOUS] ? 0 : (this.header[CAPACITY] ?? 0);
  }

  /** Values waiting in the channel now. */
  get length(): number {
    return Atomics.load(this.header, COUNT);
  }

  get closed(): boolean {
    return Atomics.load(this.header, CLOSED) === 1;
  }

  /** Waits while the channel is full, then queues a copy of `value`. Throws if the channel is closed. */
  async send(value: T): Promise<void> {
    touch();
    // The value is encoded after room for the stamp, so an item is one allocation and no copy.
    const bytes = encodeValue(value, refuseSyncObjects, STAMP_BYTES);
    if (bytes.length > this.ring.maxRecord)
      throw new RangeError(
        `${this.name}: this value takes ${bytes.length - STAMP_BYTES} bytes; the channel holds at most ${this.ring.maxRecord - STAMP_BYTES}. ` +
          'Send it in parts, share a SharedArrayBuffer, or give the channel more room: new Channel(n, { bytes }).',
      );
    const ctx = hasContext() ? context() : null;
    const from = ctx ? ctx.id : -1;
    bytes[0] = from;
    bytes[1] = from >> 8;
    bytes[2] = from >> 16;
    bytes[3] = from >> 24;
    let done: (() => void) | null = null;
    try {
      let ticket = 0;
      for (;;) {
        this.acquireLock();
        if (this.header[CLOSED]) {
          this.releaseLock();
          throw new Error(`Cannot send on ${this.name}: it is closed.`);
        }
        if (ctx) {
          stampTime[0] = ctx.now();
          bytes.set(stampTimeBytes, 4);
        }
        if ((this.header[COUNT] ?? 0) < (this.header[CAPACITY] ?? 1) && this.ring.write(bytes)) {
          ticket = Atomics.add(this.header, SENT, 1) + 1;
          Atomics.add(this.header, COUNT, 1);
          this.changed();
          break;
        }
        const seq = Atomics.load(this.header, SEQ);
        this.releaseLock();
        done ??= this.waitFor('send');
        await asyncWait(this.header, SEQ, seq);
      }
      // Rendezvous: the send completes when a receiver has taken this value.
      while (this.header[RENDEZVOUS] && Atomics.load(this.header, RECEIVED) < ticket && !this.closed) {
        const seq = Atomics.load(this.header, SEQ);
        if (Atomics.load(this.header, RECEIVED) >= ticket) break;
        done ??= this.waitFor('send');
        await asyncWait(this.header, SEQ, seq);
      }
    } finally {
      done?.();
    }
  }

  /** Waits for a value; `undefined` once the channel is closed and drained. */
  async recv(): Promise<T | undefined> {
    const next = await this.next();
    return next.done ? undefined : next.value;
  }

  /** A value if one is queued now, else undefined. Never waits. */
  tryRecv(): T | undefined {
    touch();
    this.acquireLock();
    if ((this.header[COUNT] ?? 0) > 0) return this.take();
    this.releaseLock();
    return undefined;
  }

  /** No more sends; receivers drain what is queued, then get `undefined`. */
  close(): void {
    touch();
    this.acquireLock();
    this.header[CLOSED] = 1;
    this.changed();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for (;;) {
      const next = await this.next();
      if (next.done) return;
      yield next.value;
    }
  }

  private async next(): Promise<{ done: true } | { done: false; value: T }> {
    touch();
    let done: (() => void) | null = null;
    try {
      for (;;) {
        this.acquireLock();
        if ((this.header[COUNT] ?? 0) > 0) return { done: false, value: this.take() };
        if (this.header[CLOSED]) {
          this.releaseLock();
          return { done: true };
        }
        const seq = Atomics.load(this.header, SEQ);
        this.releaseLock();
        done ??= this.waitFor('recv');
        await asyncWait(this.header, SEQ, seq);
      }
    } finally {
      done?.();
    }
  }

  /** Under the lock, with COUNT > 0: removes the oldest value, releases the lock, records the arrow. */
  private take(): T {
    const bytes = this.ring.read() ?? new Uint8Array(STAMP_BYTES); // never null: COUNT > 0
    Atomics.sub(this.header, COUNT, 1);
    Atomics.add(this.header, RECEIVED, 1);
    this.changed();
    if (hasContext()) {
      const from = (bytes[0] ?? 0) | ((bytes[1] ?? 0) << 8) | ((bytes[2] ?? 0) << 16) | ((bytes[3] ?? 0) << 24);
      stampTimeBytes.set(bytes.subarray(4, STAMP_BYTES));
      recordMessage(context(), from, stampTime[0] ?? 0, 'channel', this.name);
    }
    return decodeValue(bytes.subarray(STAMP_BYTES)) as T;
  }

  /** Releases the lock and wakes everyone waiting for a change. */
  private changed(): void {
    Atomics.add(this.header, SEQ, 1);
    this.releaseLock();
    Atomics.notify(this.header, SEQ);
  }

  private acquireLock(): void {
    // Held for a few microseconds at a time: spin, then sleep briefly.
    let spins = 0;
    while (Atomics.compareExchange(this.header, LOCK, 0, 1) !== 0) {
      if (++spins > 100) original.atomicsWait(this.header, LOCK, 1, 1);
    }
  }

  private releaseLock(): void {
    Atomics.store(this.header, LOCK, 0);
    Atomics.notify(this.header, LOCK, 1);
  }

  private waitFor(kind: 'send' | 'recv'): () => void {
    return hasContext() ? context().meter.asyncWait({ kind, ref: this.id }) : () => {};
  }

  protected override describe(): string {
    return `name: '${this.name}', capacity: ${this.capacity}, length: ${this.length}, closed: ${this.closed}`;
  }
}

registerSyncClass('channel', () => new Channel());
