import { ByteRing } from './byte-ring.ts';

/**
 * A single-producer, single-consumer ring of byte records in a
 * SharedArrayBuffer. Each worker writes its events here and the hub reads
 * them on its own schedule, so a worker stuck in a busy loop or blocked in
 * `Atomics.wait` still has its console lines and state changes delivered:
 * no event depends on the producer's event loop running again.
 *
 * Layout: Int32 header [head, tail, used, _] then the data bytes of a
 * ByteRing (byte-ring.ts: records, wrap marker, publication through `used`).
 */

const CELLS = { head: 0, tail: 1, used: 2 } as const;
const HEADER_BYTES = 16;

export const DEFAULT_RING_BYTES = 512 * 1024;

export function createRingBuffer(dataBytes = DEFAULT_RING_BYTES): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + ((dataBytes + 3) & ~3));
}

function ringOver(sab: SharedArrayBuffer): ByteRing {
  return new ByteRing(new Int32Array(sab, 0, HEADER_BYTES / 4), CELLS, sab, HEADER_BYTES);
}

export class RingWriter {
  private readonly ring: ByteRing;

  constructor(sab: SharedArrayBuffer) {
    this.ring = ringOver(sab);
  }

  /** Appends one record; false when there is not room for it now. */
  write(record: Uint8Array): boolean {
    return this.ring.write(record);
  }
}

export class RingReader {
  private readonly ring: ByteRing;

  constructor(sab: SharedArrayBuffer) {
    this.ring = ringOver(sab);
  }

  /** Takes every published record (at most `limit`), oldest first (copies, safe to keep). */
  drain(limit = Infinity): Uint8Array[] {
    return this.ring.drain(limit);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** JSON records: small, and the hub needs structure, not speed, from them. */
export function encodeRecord(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export function decodeRecord(bytes: Uint8Array): unknown {
  return JSON.parse(decoder.decode(bytes));
}
