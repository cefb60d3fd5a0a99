/**
 * A tiny schema library of our own, so every message of the protocol is
 * written once: its validator is the schema, its type is `Infer<typeof schema>`.
 * No dependency (the workers' bundles stay small), no coercion: a schema only
 * says whether a received value has the right shape, and where it does not.
 *
 * `union(tagField, { a: …, b: … })` checks a tagged union and is the only
 * definition of it: the union's type is inferred from that table, so no
 * member can exist without its validator.
 */

/** A check that returns `null` when the value fits, else where and why it does not. */
export interface Schema<T> {
  check(value: unknown): string | null;
  /** Phantom: the type the schema describes (never set at run time). */
  readonly _type?: T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const schema = <T>(check: (value: unknown) => string | null): Schema<T> => ({ check });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const str = (): Schema<string> => schema((v) => (typeof v === 'string' ? null : 'not a string'));
/** A number that is not NaN. */
export const num = (): Schema<number> => schema((v) => (typeof v === 'number' && !Number.isNaN(v) ? null : 'not a number'));
export const int = (): Schema<number> => schema((v) => (Number.isInteger(v) ? null : 'not an integer'));
export const bool = (): Schema<boolean> => schema((v) => (typeof v === 'boolean' ? null : 'not a boolean'));
/** Anything at all (user data, packed values): present or not. */
export const unknownValue = (): Schema<unknown> => schema(() => null);
export const nullValue = (): Schema<null> => schema((v) => (v === null ? null : 'not null'));

export const literal = <const L extends string | number | boolean>(value: L): Schema<L> =>
  schema((v) => (v === value ? null : `not ${JSON.stringify(value)}`));

export const oneOf = <const L extends string>(values: readonly L[]): Schema<L> =>
  schema((v) => (typeof v === 'string' && (values as readonly string[]).includes(v) ? null : `not one of ${values.join('|')}`));

/** An instance of a platform class (MessagePort, ArrayBuffer…); false where the class does not exist. */
export const instance = <T>(ctor: (abstract new (...args: never[]) => T) | undefined, what: string): Schema<T> =>
  schema((v) => (ctor !== undefined && v instanceof ctor ? null : `not a ${what}`));

export const port = (): Schema<MessagePort> =>
  instance(typeof MessagePort === 'undefined' ? undefined : MessagePort, 'MessagePort');
export const sab = (): Schema<SharedArrayBuffer> =>
  instance(typeof SharedArrayBuffer === 'undefined' ? undefined : SharedArrayBuffer, 'SharedArrayBuffer');
export const arrayBuffer = (): Schema<ArrayBuffer> => instance(ArrayBuffer, 'ArrayBuffer');

/** Marks a field of `object({…})` that may be absent (or undefined). */
export interface Optional<T> extends Schema<T | undefined> {
  readonly optional: true;
}
export const optional = <T>(inner: Schema<T>): Optional<T> => ({
  optional: true,
  check: (v) => (v === undefined ? null : inner.check(v)),
});

export const nullable = <T>(inner: Schema<T>): Schema<T | null> => schema((v) => (v === null ? null : inner.check(v)));

export const array = <T>(item: Schema<T>): Schema<T[]> =>
  schema((v) => {
    if (!Array.isArray(v)) return 'not an array';
    for (let i = 0; i < v.length; i++) {
      const problem = item.check(v[i]);
      if (problem) return `[${i}] ${problem}`;
    }
    return null;
  });

export const tuple = <const S extends readonly Schema<unknown>[]>(items: S): Schema<{ -readonly [I in keyof S]: Infer<S[I]> }> =>
  schema((v) => {
    if (!Array.isArray(v) || v.length !== items.length) return `not a ${items.length}-tuple`;
    for (let i = 0; i < items.length; i++) {
      const problem = items[i]!.check(v[i]);
      if (problem) return `[${i}] ${problem}`;
    }
    return null;
  });

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
export type InferObject<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> }
>;

/** A record with these fields (others are ignored). */
export const object = <S extends Shape>(fields: S): Schema<InferObject<S>> =>
  schema((v) => {
    if (!isRecord(v)) return 'not an object';
    for (const key of Object.keys(fields)) {
      const problem = fields[key]!.check(v[key]);
      if (problem) return `${key}: ${problem}`;
    }
    return null;
  });

/** Either schema (e.g. the two shapes of `{ ok: true, … } | { ok: false, … }`). */
export const either = <A, B>(a: Schema<A>, b: Schema<B>): Schema<A | B> =>
  schema((v) => {
    const first = a.check(v);
    if (first === null) return null;
    return b.check(v) === null ? null : first;
  });

type Members<F extends string, T extends Record<string, Schema<unknown>>> = {
  [K in keyof T & string]: Flat<{ [P in F]: K } & Infer<T[K]>>;
}[keyof T & string];

/**
 * A union tagged by `field`: each key of `members` is a tag, each value the
 * schema of the rest of that member. Problems name the tag: `malformed "end" message (state: …)`.
 */
export const union = <const F extends string, const T extends Record<string, Schema<unknown>>>(
  field: F,
  members: T,
): Schema<Members<F, T>> =>
  schema((v) => {
    if (!isRecord(v)) return 'not an object';
    const tag = v[field];
    if (typeof tag !== 'string') return `no ${field} tag`;
    const member = Object.hasOwn(members, tag) ? members[tag] : undefined;
    if (!member) return `unknown ${field} "${tag}"`;
    const problem = member.check(v);
    return problem ? `malformed "${tag}" message (${problem})` : null;
  });

/** Checks `data` against `schema`; a problem is prefixed with `what` (e.g. `run report: …`). */
export function parse<T>(s: Schema<T>, what: string, data: unknown): Parsed<T> {
  const problem = s.check(data);
  return problem === null ? { ok: true, value: data as T } : { ok: false, problem: `${what}: ${problem}` };
}

/** `parse` bound to one schema: the receiver's validator. */
export const parser =
  <T>(s: Schema<T>, what: string) =>
  (data: unknown): Parsed<T> =>
    parse(s, what, data);
