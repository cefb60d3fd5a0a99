/**
 * The byte level of codec.ts: a growing little-endian writer and its reader
 * (u8, u32, i32, f64, length-prefixed bytes and UTF-8 strings). They know
 * nothing of values or tags, which is why they live apart from the codec.
 */

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

export class Writer {
  bytes = new Uint8Array(256);
  view = new DataView(this.bytes.buffer);
  length = 0;

  reserve(n: number) {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number) {
    this.reserve(1);
    this.bytes[this.length++] = v;
  }
  u32(v: number) {
    this.reserve(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }
  i32(v: number) {
    this.reserve(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
  }
  f64(v: number) {
    this.reserve(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }
  raw(data: Uint8Array) {
    this.u32(data.length);
    this.reserve(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }
  str(text: string) {
    this.reserve(4 + text.length * 3);
    const at = this.length;
    const { written } = textEncoder.encodeInto(text, this.bytes.subarray(at + 4));
    this.view.setUint32(at, written, true);
    this.length += 4 + written;
  }
}

export class Reader {
  private offset = 0;
  private readonly view: DataView;
  private readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u8() {
    return this.bytes[this.offset++] ?? 0;
  }
  u32() {
    const v = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }
  i32() {
    const v = this.view.getInt32(this.offset, true);
    this.offset += 4;
    return v;
  }
  f64() {
    const v = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return v;
  }
  raw() {
    const n = this.u32();
    const out = this.bytes.slice(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
  str() {
    const n = this.u32();
    const out = textDecoder.decode(this.bytes.subarray(this.offset, this.offset + n));
    this.offset += n;
    return out;
  }
}
