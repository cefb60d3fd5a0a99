import type { SyncObjectKind } from '../../shared/protocol/index.ts';
import { context, hasContext } from './context.ts';
import { explainCloneError } from './errors.ts';

/**
 * Mutex, Semaphore and Channel objects hold a SharedArrayBuffer. Structured
 * clone would deliver them as plain objects, so before a value leaves a
 * worker (spawn arguments, messages, results) each such object is swapped for
 * a tagged record, and on arrival the record becomes a working object of the
 * same class again, over the same shared memory. Until the run creates its
 * first such object (a flag in the control block), values pass untouched.
 */

const TAG = '__racecourse_object__';

export interface PackedObject {
  [TAG]: SyncObjectKind;
  id: number;
  name: string;
  sab: SharedArrayBuffer;
}

export interface Shareable {
  pack(): PackedObject;
}

type Reviver = (packed: PackedObject) => object;
const revivers = new Map<SyncObjectKind, Reviver>();

export function registerReviver(kind: SyncObjectKind, reviver: Reviver): void {
  revivers.set(kind, reviver);
}

export function packedRecord(kind: SyncObjectKind, id: number, name: string, sab: SharedArrayBuffer): PackedObject {
  return { [TAG]: kind, id, name, sab };
}

function isShareable(value: object): value is Shareable {
  return typeof (value as { pack?: unknown }).pack === 'function' && (value as { [TAG]?: unknown })[TAG] === true;
}

export const SHAREABLE = TAG;

function needsWalk(): boolean {
  return !hasContext() || context().control.syncObjectsExist;
}

/** Arrays, Maps, Sets, plain objects and class instances are walked; platform objects (buffers, Date, Error, MessagePort, Blob…) are not. */
function isPlainContainer(value: object): boolean {
  if (Array.isArray(value) || value instanceof Map || value instanceof Set) return true;
  return Object.prototype.toString.call(value) === '[object Object]';
}

/** A copy of `value` with runtime objects replaced by records (or `value` itself if it holds none). */
export function pack<T>(value: T): T {
  if (!needsWalk() || typeof value !== 'object' || value === null) return value;
  return contains(value, new Set()) ? (replace(value, new Map()) as T) : value;
}

function contains(value: unknown, seen: Set<object>): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (seen.has(value)) return false;
  seen.add(value);
  if (isShareable(value)) return true;
  if (!isPlainContainer(value)) return false;
  if (Array.isArray(value)) return value.some((item) => contains(item, seen));
  if (value instanceof Map) {
    for (const [k, v] of value) if (contains(k, seen) || contains(v, seen)) return true;
    return false;
  }
  if (value instanceof Set) {
    for (const v of value) if (contains(v, seen)) return true;
    return false;
  }
  return Object.values(value).some((item) => contains(item, seen));
}

function replace(value: unknown, done: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const known = done.get(value);
  if (known !== undefined) return known;
  if (isShareable(value)) return value.pack();
  if (!isPlainContainer(value)) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    done.set(value, out);
    for (const item of value) out.push(replace(item, done));
    return out;
  }
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    done.set(value, out);
    for (const [k, v] of value) out.set(replace(k, done), replace(v, done));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set<unknown>();
    done.set(value, out);
    for (const v of value) out.add(replace(v, done));
    return out;
  }
  const out: Record<string, unknown> = {};
  done.set(value, out);
  for (const [key, item] of Object.entries(value)) out[key] = replace(item, done);
  return out;
}

/** Revives records in a value that just arrived (in place: the value is a fresh clone). */
export function unpack<T>(value: T): T {
  if (!needsWalk() || typeof value !== 'object' || value === null) return value;
  return revive(value, new Set()) as T;
}

function revive(value: unknown, seen: Set<object>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Partial<PackedObject>;
  const kind = record[TAG];
  if (typeof kind === 'string' && record.sab instanceof SharedArrayBuffer) {
    const reviver = revivers.get(kind);
    if (reviver) return reviver(value as PackedObject);
  }
  if (seen.has(value) || !isPlainContainer(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i], seen);
  } else if (value instanceof Map) {
    for (const [k, v] of [...value]) {
      const rk = revive(k, seen);
      if (rk !== k) value.delete(k);
      value.set(rk, revive(v, seen));
    }
  } else if (value instanceof Set) {
    for (const v of [...value]) {
      const rv = revive(v, seen);
      if (rv !== v) {
        value.delete(v);
        value.add(rv);
      }
    }
  } else {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) object[key] = revive(object[key], seen);
  }
  return value;
}

/**
 * Throws the browser's own DataCloneError (with the explanation added) when
 * `value` plainly holds something structured clone refuses, before any id or
 * worker slot is taken for it.
 */
export function assertCloneable(value: unknown, what: string): void {
  const culprit = findUncloneable(value, new Set(), 0);
  if (culprit === undefined) return;
  try {
    structuredClone(culprit.value);
  } catch (error) {
    throw explainCloneError(error, what);
  }
}

function findUncloneable(value: unknown, seen: Set<object>, depth: number): { value: unknown } | undefined {
  if (typeof value === 'function' || typeof value === 'symbol') return { value };
  if (typeof value !== 'object' || value === null || depth > 32 || seen.has(value)) return undefined;
  seen.add(value);
  if (value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise) return { value };
  if (!isPlainContainer(value)) return undefined;
  const items: unknown[] = Array.isArray(value)
    ? value
    : value instanceof Map
      ? [...value.keys(), ...value.values()]
      : value instanceof Set
        ? [...value]
        : Object.values(value);
  for (const item of items) {
    const found = findUncloneable(item, seen, depth + 1);
    if (found) return found;
  }
  return undefined;
}
