/**
 * A single-producer, single-consumer ring of byte records in a
 * SharedArrayBuffer. Each worker writes its events here and the hub reads
 * them on its own schedule, so a worker stuck in a busy loop or blocked in
 * `Atomics.wait` still has its console lines and state changes delivered:
 * no event depends on the producer's event loop running again.
 *
 * Layout: Int32 header [head, tail, used, _] then `size` data bytes. A record
 * is a u32 length and its bytes, padded to 4. A length of WRAP means "the
 * rest of the buffer is unused; continue at 0". `used` (updated last, with
 * Atomics) is what publishes a record to the reader.
 */

const HEAD = 0;
const TAIL = 1;
const USED = 2;
const HEADER_BYTES = 16;
const WRAP = 0xffffffff;

export const DEFAULT_RING_BYTES = 512 * 1024;

export function createRingBuffer(dataBytes = DEFAULT_RING_BYTES): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + align(dataBytes));
}

function align(n: number): number {
  return (n + 3) & ~3;
}

export class RingWriter {
  private readonly header: Int32Array;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly size: number;

  constructor(sab: SharedArrayBuffer) {
    this.header = new Int32Array(sab, 0, 4);
    this.size = sab.byteLength - HEADER_BYTES;
    this.bytes = new Uint8Array(sab, HEADER_BYTES, this.size);
    this.view = new DataView(sab, HEADER_BYTES, this.size);
  }

  /** Largest record that can ever fit. */
  get maxRecord(): number {
    return this.size - 8;
  }

  /** Appends one record; false when there is not room for it now. */
  write(record: Uint8Array): boolean {
    const need = 4 + align(record.length);
    if (need > this.maxRecord) return false;
    let tail = this.header[TAIL] ?? 0;
    const used = Atomics.load(this.header, USED);
    const toEnd = this.size - tail;
    let wasted = 0;
    if (toEnd < need) wasted = toEnd;
    if (used + wasted + need > this.size) return false;
    if (wasted > 0) {
      this.view.setUint32(tail, WRAP, true);
      tail = 0;
    }
    this.view.setUint32(tail, record.length, true);
    this.bytes.set(record, tail + 4);
    tail = (tail + need) % this.size;
    this.header[TAIL] = tail;
    Atomics.add(this.header, USED, wasted + need);
    return true;
  }
}

export class RingReader {
  private readonly header: Int32Array;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly size: number;

  constructor(sab: SharedArrayBuffer) {
    this.header = new Int32Array(sab, 0, 4);
    this.size = sab.byteLength - HEADER_BYTES;
    this.bytes = new Uint8Array(sab, HEADER_BYTES, this.size);
    this.view = new DataView(sab, HEADER_BYTES, this.size);
  }

  /** Takes every published record, oldest first (copies, safe to keep). */
  drain(limit = Infinity): Uint8Array[] {
    const out: Uint8Array[] = [];
    const used = Atomics.load(this.header, USED);
    let head = this.header[HEAD] ?? 0;
    let consumed = 0;
    while (used - consumed > 0 && out.length < limit) {
      const length = this.view.getUint32(head, true);
      if (length === WRAP) {
        consumed += this.size - head;
        head = 0;
        continue;
      }
      // slice() copies into a plain ArrayBuffer, which TextDecoder accepts.
      out.push(this.bytes.slice(head + 4, head + 4 + length));
      const step = 4 + align(length);
      consumed += step;
      head = (head + step) % this.size;
    }
    this.header[HEAD] = head;
    if (consumed > 0) Atomics.sub(this.header, USED, consumed);
    return out;
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
