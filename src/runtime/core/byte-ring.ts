/**
 * The one byte ring of the runtime: variable-length records in a
 * SharedArrayBuffer, oldest first. The event ring (worker → hub) and a
 * Channel's queue are both built on it; only their header cells and their
 * locking differ.
 *
 * Three Int32 header cells, at indices the user chooses: `head` (where the
 * reader takes the next record), `tail` (where the writer puts the next one)
 * and `used` (bytes in use, updated last with Atomics: it publishes a record
 * to the reader and frees space for the writer). A record is a u32 length and
 * its bytes, padded to 4. A length of WRAP means "the rest of the data area
 * is unused; continue at 0". When the ring is empty the writer starts again
 * at 0, so any record up to `maxRecord` fits into an empty ring.
 *
 * With one writer and one reader it needs no lock: only the writer moves
 * `tail`, only the reader moves `head` (the writer resets it only when `used`
 * says the reader has nothing to read and will not touch it). Several writers
 * or readers must hold a lock of their own around every call.
 */

const WRAP = 0xffffffff;

/** Indices of the ring's three cells in its Int32 header. */
export interface ByteRingCells {
  head: number;
  tail: number;
  used: number;
}

export class ByteRing {
  private readonly header: Int32Array;
  private readonly cells: ByteRingCells;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly size: number;

  /** `header` holds the cells; the data area is the rest of `sab` from `dataOffset`. */
  constructor(header: Int32Array, cells: ByteRingCells, sab: SharedArrayBuffer, dataOffset: number) {
    this.header = header;
    this.cells = cells;
    this.size = sab.byteLength - dataOffset;
    this.bytes = new Uint8Array(sab, dataOffset, this.size);
    this.view = new DataView(sab, dataOffset, this.size);
  }

  /** Largest record (in bytes) that can ever fit. */
  get maxRecord(): number {
    return this.size - 4;
  }

  /** Appends one record; false when there is not room for it now. */
  write(record: Uint8Array): boolean {
    const need = 4 + align(record.length);
    if (need > this.size) return false;
    const { head: HEAD, tail: TAIL, used: USED } = this.cells;
    const used = Atomics.load(this.header, USED);
    let tail = this.header[TAIL] ?? 0;
    if (used === 0 && tail !== 0) {
      // Empty: start again at 0, so a large record does not wait for room that never comes.
      this.header[HEAD] = 0;
      tail = 0;
    }
    const toEnd = this.size - tail;
    const wasted = toEnd < need ? toEnd : 0;
    if (used + wasted + need > this.size) return false;
    if (wasted > 0) {
      this.view.setUint32(tail, WRAP, true);
      tail = 0;
    }
    this.view.setUint32(tail, record.length, true);
    this.bytes.set(record, tail + 4);
    this.header[TAIL] = (tail + need) % this.size;
    Atomics.add(this.header, USED, wasted + need);
    return true;
  }

  /** Takes the oldest record (a copy, safe to keep), or null when the ring is empty. */
  read(): Uint8Array | null {
    return this.drain(1)[0] ?? null;
  }

  /**
   * Takes the records published when the call began (at most `limit`), oldest
   * first, as copies. Records written meanwhile wait for the next call, so a
   * busy writer cannot keep the reader here.
   */
  drain(limit = Infinity): Uint8Array[] {
    const { head: HEAD, used: USED } = this.cells;
    const out: Uint8Array[] = [];
    const used = Atomics.load(this.header, USED);
    if (used === 0) return out;
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
    Atomics.sub(this.header, USED, consumed);
    return out;
  }
}

function align(n: number): number {
  return (n + 3) & ~3;
}
