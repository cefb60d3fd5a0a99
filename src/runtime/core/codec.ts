import { Reader, Writer } from './codec-bytes.ts';

/**
 * Channel values travel through shared memory, so they are copied as bytes.
 * This encoder covers what learners send: primitives (bigint included),
 * strings, arrays, plain objects and class instances (as their own data,
 * like structured clone), Map, Set, Date, RegExp, errors, ArrayBuffers,
 * typed arrays and DataViews. Functions, SharedArrayBuffers and the
 * runtime's own objects cannot be copied into bytes: they throw a
 * DataCloneError that says what to do instead.
 * This file knows the values and their tags; the bytes are written and read
 * by codec-bytes.ts.
 */

const enum_ = {
  undefined: 0,
  null: 1,
  false: 2,
  true: 3,
  float: 4,
  int: 5,
  string: 6,
  bigint: 7,
  array: 8,
  object: 9,
  map: 10,
  set: 11,
  date: 12,
  regexp: 13,
  error: 14,
  arrayBuffer: 15,
  typed: 16,
  dataView: 17,
} as const;

const TYPED = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
] as const;

export class CodecError extends Error {
  override name = 'DataCloneError';
}

/** Called with every object before it is written; throws to refuse it (the runtime's own objects). */
export type Refuse = (value: object) => void;

/** `headroom` bytes are left free before the value (zeroed), for a header the caller writes itself. */
export function encodeValue(value: unknown, refuse?: Refuse, headroom = 0): Uint8Array {
  const writer = new Writer();
  writer.reserve(headroom);
  writer.length = headroom;
  write(writer, value, new Map(), refuse);
  return writer.bytes.subarray(0, writer.length);
}

export function decodeValue(bytes: Uint8Array): unknown {
  return read(new Reader(bytes));
}

function cloneError(what: string): CodecError {
  return new CodecError(
    `${what} could not be sent through a Channel. Channel values are copied into shared memory as plain data ` +
      '(numbers, strings, arrays, objects, Map, Set, typed arrays…); functions and objects that depend on them cannot be copied. ' +
      'Send plain data, or pass the object to spawn() as an argument instead.',
  );
}

function write(w: Writer, value: unknown, seen: Map<object, number>, refuse?: Refuse): void {
  switch (typeof value) {
    case 'undefined':
      return w.u8(enum_.undefined);
    case 'boolean':
      return w.u8(value ? enum_.true : enum_.false);
    case 'number':
      if (Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff && !Object.is(value, -0)) {
        w.u8(enum_.int);
        return w.i32(value);
      }
      w.u8(enum_.float);
      return w.f64(value);
    case 'string':
      w.u8(enum_.string);
      return w.str(value);
    case 'bigint':
      w.u8(enum_.bigint);
      return w.str(value.toString());
    case 'function':
      throw cloneError(`A function (${(value as { name?: string }).name || 'anonymous'})`);
    case 'symbol':
      throw cloneError('A symbol');
  }
  if (value === null) return w.u8(enum_.null);
  const object = value as object;
  if (seen.has(object)) throw cloneError('A value that contains itself (a cycle)');
  refuse?.(object);
  seen.set(object, seen.size);
  try {
    writeObject(w, object, seen, refuse);
  } finally {
    seen.delete(object);
  }
}

function writeObject(w: Writer, object: object, seen: Map<object, number>, refuse?: Refuse): void {
  if (typeof SharedArrayBuffer !== 'undefined' && object instanceof SharedArrayBuffer)
    throw cloneError('A SharedArrayBuffer');
  if (Array.isArray(object)) {
    w.u8(enum_.array);
    w.u32(object.length);
    for (const item of object as unknown[]) write(w, item, seen, refuse);
    return;
  }
  if (object instanceof Map) {
    w.u8(enum_.map);
    w.u32(object.size);
    for (const [k, v] of object) {
      write(w, k, seen, refuse);
      write(w, v, seen, refuse);
    }
    return;
  }
  if (object instanceof Set) {
    w.u8(enum_.set);
    w.u32(object.size);
    for (const v of object) write(w, v, seen, refuse);
    return;
  }
  if (object instanceof Date) {
    w.u8(enum_.date);
    return w.f64(object.getTime());
  }
  if (object instanceof RegExp) {
    w.u8(enum_.regexp);
    w.str(object.source);
    return w.str(object.flags);
  }
  if (object instanceof Error) {
    w.u8(enum_.error);
    w.str(object.name);
    w.str(object.message);
    return w.str(object.stack ?? '');
  }
  if (object instanceof ArrayBuffer) {
    w.u8(enum_.arrayBuffer);
    return w.raw(new Uint8Array(object));
  }
  if (object instanceof DataView) {
    if (!(object.buffer instanceof ArrayBuffer)) throw cloneError('A view of a SharedArrayBuffer');
    w.u8(enum_.dataView);
    return w.raw(new Uint8Array(object.buffer, object.byteOffset, object.byteLength));
  }
  if (ArrayBuffer.isView(object)) {
    const kind = TYPED.findIndex((ctor) => object instanceof ctor);
    if (kind < 0) throw cloneError('This typed array');
    if (!(object.buffer instanceof ArrayBuffer))
      throw cloneError('A typed array over a SharedArrayBuffer (share it through spawn() arguments instead)');
    w.u8(enum_.typed);
    w.u8(kind);
    return w.raw(new Uint8Array(object.buffer, object.byteOffset, object.byteLength));
  }
  // Plain objects and class instances: own enumerable data, as structured clone does.
  const entries = Object.entries(object);
  w.u8(enum_.object);
  w.u32(entries.length);
  for (const [key, item] of entries) {
    w.str(key);
    write(w, item, seen, refuse);
  }
}

function read(r: Reader): unknown {
  const tag = r.u8();
  switch (tag) {
    case enum_.undefined:
      return undefined;
    case enum_.null:
      return null;
    case enum_.false:
      return false;
    case enum_.true:
      return true;
    case enum_.int:
      return r.i32();
    case enum_.float:
      return r.f64();
    case enum_.string:
      return r.str();
    case enum_.bigint:
      return BigInt(r.str());
    case enum_.array: {
      const n = r.u32();
      const out: unknown[] = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = read(r);
      return out;
    }
    case enum_.object: {
      const n = r.u32();
      const out: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const key = r.str();
        out[key] = read(r);
      }
      return out;
    }
    case enum_.map: {
      const n = r.u32();
      const out = new Map<unknown, unknown>();
      for (let i = 0; i < n; i++) {
        const k = read(r);
        out.set(k, read(r));
      }
      return out;
    }
    case enum_.set: {
      const n = r.u32();
      const out = new Set<unknown>();
      for (let i = 0; i < n; i++) out.add(read(r));
      return out;
    }
    case enum_.date:
      return new Date(r.f64());
    case enum_.regexp: {
      const source = r.str();
      return new RegExp(source, r.str());
    }
    case enum_.error: {
      const name = r.str();
      const message = r.str();
      const stack = r.str();
      const error = new Error(message);
      error.name = name;
      error.stack = stack;
      return error;
    }
    case enum_.arrayBuffer:
      return r.raw().buffer;
    case enum_.dataView:
      return new DataView(r.raw().buffer);
    case enum_.typed: {
      const kind = r.u8();
      const bytes = r.raw();
      const Ctor = TYPED[kind] ?? Uint8Array;
      return new Ctor(bytes.buffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
    }
    default:
      throw new Error(`Channel: corrupt value (tag ${tag})`);
  }
}
