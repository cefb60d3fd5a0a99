import { formatArgs } from '../core/format.ts';
import { Abort, Then, type Execution, type Gen, type Lane, type LaneEvent, type Op } from './execution.ts';
import type { VPromiseClass } from './promise.ts';
import type { Clock } from './happens-before.ts';
import type { LANE_GLOBALS } from './instrument.ts';

/**
 * What instrumented code calls (`__rc.*`, see instrument.ts) and the worker
 * globals it sees, for one execution: calls that run snippet functions as
 * generators, shared-memory accesses and `Atomics` as visible operations,
 * `await` on the lane's own microtask queue, and a console, timers, random
 * numbers and a clock that a schedule fully determines.
 */

/** `await value`, as the instrumented code yields it. */
export class Await {
  readonly value: unknown;
  constructor(value: unknown) {
    this.value = value;
  }
}

/** On a snippet function (wrapper and generator): its entry; on a wrapper: its id for `spawn`. */
const ENTRY = Symbol('explorer entry');
const ID = Symbol('explorer id');

interface FunctionEntry {
  g: (...args: unknown[]) => Gen;
  async: boolean;
}

/**
 * A step (the code between two visible operations) that runs longer than this
 * is no progress. Checked every 2^20 loop iterations, so real work in a long
 * loop (counting primes) is not mistaken for a hang.
 */
const STEP_LIMIT_MS = 3_000;

/** The core count a snippet sees under the explorer (`cores`, `navigator.hardwareConcurrency`): small, and the same on every machine. */
export const EXPLORED_CORES = 2;
/** Output lines an execution keeps (the last result line is kept apart). */
const MAX_OUTPUT = 500;

/** What lives for a whole exploration: the execution now running, and its Promise class. */
export interface Session {
  exec: Execution;
  readonly Promise: VPromiseClass;
}

export type Runtime = ReturnType<typeof makeRuntime>;

export function makeRuntime(session: Session) {
  const P = session.Promise;
  const functions = new WeakMap<object, FunctionEntry>();
  /** Built-ins that call back into the snippet, redone as generators so their callbacks keep their switch points. */
  const natives = new Map<unknown, (thisArg: unknown, args: unknown[]) => Gen>();
  /** Atomics.wait / waitAsync sleepers, per buffer. */
  const sleepers = new Map<ArrayBufferLike, Sleeper[]>();
  /** Names of shared views, as the code calls them (for the story and the shared-state view). */
  const names = new WeakMap<object, string>();

  function* driveAsync(it: Gen): Gen {
    const { promise, resolve, reject } = P.withResolvers();
    yield* resume(it, resolve, reject, undefined, false);
    return promise;
  }

  function* resume(it: Gen, resolve: (v: unknown) => void, reject: (e: unknown) => void, input: unknown, isThrow: boolean): Gen {
    for (;;) {
      let step: IteratorResult<unknown, unknown>;
      try {
        step = isThrow ? it.throw(input) : it.next(input);
      } catch (error) {
        if (error instanceof Abort) throw error;
        reject(error);
        return;
      }
      if (step.done) {
        resolve(step.value);
        return;
      }
      if (step.value instanceof Await) {
        const awaited = step.value.value;
        if (awaited instanceof Promise) {
          throw new Abort('unsupported', `Line ${session.exec.current.line}: this code awaits a promise made by a browser API, whose timing the explorer cannot control.`, session.exec.current.line);
        }
        P.whenSettled(P.resolve(awaited), (value, rejected) => () => resume(it, resolve, reject, value, rejected));
        return;
      }
      try {
        input = yield step.value;
        isThrow = false;
      } catch (error) {
        if (error instanceof Abort) throw error;
        input = error;
        isThrow = true;
      }
    }
  }

  /** Runs a generator to its end without switch points: for code a built-in calls. */
  function runNative(it: Gen): unknown {
    let input: unknown;
    let isThrow = false;
    for (;;) {
      const step = isThrow ? it.throw(input) : it.next(input);
      if (step.done) return step.value;
      let op = step.value as Op;
      session.exec.uncontrolled.add(op.line);
      isThrow = false;
      try {
        for (;;) {
          if (!op.enabled()) {
            throw new Abort(
              'unsupported',
              `Line ${op.line}: ${op.text} would have to wait inside code that a built-in calls (a constructor, a getter, a sort comparator …), where the explorer cannot switch workers. Move it into a plain function or method.`,
              op.line,
            );
          }
          const value = op.perform();
          if (value instanceof Then) op = value.op;
          else {
            input = value;
            break;
          }
        }
      } catch (error) {
        if (error instanceof Abort) throw error;
        input = error;
        isThrow = true;
      }
    }
  }

  function* call(fn: unknown, thisArg: unknown, args: unknown[], line: number, name: string): Gen {
    session.exec.current.line = line;
    const entry = typeof fn === 'function' ? ((fn as { [ENTRY]?: FunctionEntry })[ENTRY] ?? functions.get(fn)) : undefined;
    if (entry) {
      const it = Reflect.apply(entry.g, thisArg, args);
      return entry.async ? yield* driveAsync(it) : yield* it;
    }
    const native = natives.get(fn);
    if (native) return yield* native(thisArg, args);
    if (typeof fn !== 'function') throw new TypeError(`${name} is not a function`);
    return Reflect.apply(fn, thisArg, args) as unknown;
  }

  
  const nameOf = (view: SharedView, fallback: string) => {
    if (!names.has(view) && fallback && /^[\w$.]+$/.test(fallback)) names.set(view, fallback);
    if (session.exec.inspected) inspect(view);
    return names.get(view) ?? fallback;
  };

  /** Step mode: keeps `view` in the shared state, once per distinct memory range (a worker's copy is the same memory). */
  function inspect(view: SharedView): void {
    const seen = session.exec.inspected!.views;
    const same = seen.find(
      (s) => s.view === view || (s.view.buffer === view.buffer && s.view.byteOffset === view.byteOffset && s.view.length === view.length && s.view.constructor === view.constructor),
    );
    const name = names.get(view);
    if (same) {
      if (name && same.name.includes('#')) same.name = name;
      return;
    }
    const kind = view.constructor.name;
    seen.push({ view, name: name ?? `${kind} #${seen.filter((s) => s.view.constructor === view.constructor).length + 1}` });
  }

  const always = () => true;

  /**
   * A visible operation. Its words are made only when someone reads them
   * (most executions are never told); a class, so that every op has one shape.
   */
  class StepOp implements Op {
    readonly lane: Lane;
    readonly line: number;
    #words: string | (() => string);
    readonly #perform: () => unknown;
    result: string | undefined = undefined;
    enabled: () => boolean = always;
    waitsFor: (() => string) | undefined = undefined;
    expiry: (() => boolean) | undefined = undefined;
    on: object | undefined = undefined;
    wants: string | undefined = undefined;
    constructor(line: number, words: string | (() => string), perform: () => unknown) {
      this.lane = session.exec.current;
      this.line = line;
      this.#words = words;
      this.#perform = perform;
    }
    get text(): string {
      if (typeof this.#words !== 'string') this.#words = this.#words();
      return this.#words;
    }
    perform(): unknown {
      const value = this.#perform();
      if (session.exec.recordSteps && this.result === undefined && !(value instanceof Then) && value !== undefined) this.result = `→ ${show(value)}`;
      return value;
    }
  }

  function op(line: number, text: string | (() => string), perform: () => unknown, extra?: Partial<Pick<Op, 'enabled' | 'waitsFor' | 'expiry' | 'on' | 'wants'>>): Op {
    const o = new StepOp(line, text, perform);
    if (extra) {
      if (extra.enabled) o.enabled = extra.enabled;
      if (extra.waitsFor) o.waitsFor = extra.waitsFor;
      if (extra.expiry) o.expiry = extra.expiry;
      if (extra.on) o.on = extra.on;
      if (extra.wants) o.wants = extra.wants;
    }
    return o;
  }

  /**
   * The data-race check (races.ts) of an access to `view[index]` by the running
   * lane; `atomic` names the Atomics operation ('' for a plain access). An
   * Atomics operation is also a sync point on its cell (happens-before.ts).
   */
  function accessed(view: SharedView, index: number, name: string, line: number, write: boolean, atomic: string): void {
    const exec = session.exec;
    const lane = exec.current;
    const byte = view.byteOffset + index * view.BYTES_PER_ELEMENT;
    if (atomic) exec.hb.atomic(lane.index, view.buffer, byte, write);
    exec.races.access(view, index, byte, name, {
      lane: lane.index,
      laneName: lane.name,
      epoch: exec.hb.epoch(lane.index),
      line,
      write,
      atomic,
    });
  }

  function cellOf(view: SharedView, index: number) {
    return { buffer: view.buffer, byte: view.byteOffset + index * view.BYTES_PER_ELEMENT };
  }

  // ---- what each shared cell has seen: versions bump on every write that changes a value ----

  let versions = new Map<ArrayBufferLike, Map<number, number>>();

  function versionOf(buffer: ArrayBufferLike, byte: number): number {
    return versions.get(buffer)?.get(byte) ?? 0;
  }

  /** Records, for the running lane's spin check, that it read or wrote `view[index]`. */
  function touched(view: SharedView, index: number, kind: 'atomic-read' | 'plain-read' | 'write', changed = false): void {
    const lane = session.exec.current;
    const { buffer, byte } = cellOf(view, index);
    if (kind === 'write') {
      if (!changed) return touched(view, index, 'atomic-read');
      let cells = versions.get(buffer);
      if (!cells) versions.set(buffer, (cells = new Map<number, number>()));
      cells.set(byte, (cells.get(byte) ?? 0) + 1);
      lane.spinWrote = true;
    } else if (kind === 'plain-read') {
      lane.spinPlain = true;
    } else {
      lane.spinReads.push({ buffer, byte, version: versionOf(buffer, byte) });
    }
  }

  /** Performs a write to `view[index]` and records whether it changed the value. */
  function writing<T>(view: SharedView, index: number, perform: () => T): T {
    const before = view[index];
    const value = perform();
    touched(view, index, 'write', !Object.is(before, view[index]));
    return value;
  }

  // ---- Atomics.wait / notify / waitAsync ----

  interface Sleeper {
    byte: number;
    notified: boolean;
    /** The notifier's clock: the woken wait acquires it. */
    clock?: Clock;
    onNotify?: () => void;
  }

  function sleep(view: SharedView, index: number): Sleeper {
    const sleeper: Sleeper = { byte: cellOf(view, index).byte, notified: false };
    const list = sleepers.get(view.buffer) ?? [];
    list.push(sleeper);
    sleepers.set(view.buffer, list);
    return sleeper;
  }

  function forget(view: SharedView, sleeper: Sleeper): void {
    const list = sleepers.get(view.buffer);
    const at = list?.indexOf(sleeper) ?? -1;
    if (list && at >= 0) list.splice(at, 1);
  }

  function notify(view: SharedView, index: number, count: number): number {
    const byte = cellOf(view, index).byte;
    const list = sleepers.get(view.buffer) ?? [];
    let woken = 0;
    for (let i = 0; i < list.length && woken < count; ) {
      const sleeper = list[i]!;
      if (sleeper.byte !== byte) {
        i++;
        continue;
      }
      list.splice(i, 1);
      sleeper.notified = true;
      sleeper.clock = session.exec.hb.release(session.exec.current.index);
      sleeper.onNotify?.();
      woken++;
    }
    return woken;
  }

  function* atomics(name: string, args: unknown[], line: number, argName: string): Gen {
    session.exec.current.line = line;
    const fn = (Atomics as unknown as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new TypeError(`Atomics.${name} is not a function`);
    const view = args[0];
    if (!isShared(view) || name === 'isLockFree') return Reflect.apply(fn, Atomics, args) as unknown;
    const index = Number(args[1]);
    const viewName = nameOf(view, argName);
    const label = `${viewName}[${index}]`;
    const text = () => {
      const rest = args.slice(2).map(show).join(', ');
      return `Atomics.${name}(${label}${rest ? `, ${rest}` : ''})`;
    };
    if (name === 'wait') {
      const expected = args[2];
      const timeout = args[3] === undefined ? Infinity : Number(args[3]);
      return yield op(line, text, () => {
        accessed(view, index, viewName, line, false, name);
        if (Atomics.load(view as Int32Array, index) !== Number(expected)) return 'not-equal';
        if (timeout <= 0) return 'timed-out';
        const sleeper = sleep(view, index);
        const lane = session.exec.current;
        const wake: Op = {
          lane,
          line,
          text: `wakes from Atomics.wait(${label})`,
          enabled: () => sleeper.notified || timeout !== Infinity,
          expiry: () => !sleeper.notified,
          waitsFor: () => `Atomics.notify on ${label}`,
          perform: () => {
            if (sleeper.notified) {
              session.exec.hb.acquire(lane.index, sleeper.clock);
              return 'ok';
            }
            forget(view, sleeper);
            wake.result = '→ "timed-out"';
            return 'timed-out';
          },
        };
        return new Then(wake);
      });
    }
    if (name === 'waitAsync') {
      const expected = args[2];
      const timeout = args[3] === undefined ? Infinity : Number(args[3]);
      return yield op(line, text, () => {
        accessed(view, index, viewName, line, false, name);
        if (Atomics.load(view as Int32Array, index) !== Number(expected)) return { async: false, value: 'not-equal' };
        if (timeout <= 0) return { async: false, value: 'timed-out' };
        const { promise, resolve } = P.withResolvers();
        const sleeper = sleep(view, index);
        const lane = session.exec.current;
        let settled = false;
        const woken: LaneEvent = {
          seq: session.exec.nextSeq(),
          text: `woken on ${label} (Atomics.waitAsync at line ${line})`,
          line,
          enabled: () => sleeper.notified,
          waitsFor: () => `Atomics.notify on ${label}`,
          fire: () => {
            settled = true;
            session.exec.hb.acquire(lane.index, sleeper.clock);
            if (timer) timer.gone = true;
            resolve('ok');
          },
        };
        lane.events.push(woken);
        const timer =
          timeout === Infinity
            ? undefined
            : addTimer(lane, timeout, line, `Atomics.waitAsync(${label}) times out`, () => {
                if (settled) return;
                woken.gone = true;
                forget(view, sleeper);
                resolve('timed-out');
              });
        return { async: true, value: promise };
      });
    }
    if (name === 'notify') {
      const count = args[2] === undefined ? Infinity : Number(args[2]);
      return yield op(line, text, () => {
        const woken = notify(view, index, count);
        if (woken > 0) session.exec.current.spinWrote = true;
        return woken;
      });
    }
    if (name === 'load') {
      return yield op(line, text, () => {
        accessed(view, index, viewName, line, false, name);
        touched(view, index, 'atomic-read');
        return Reflect.apply(fn, Atomics, args) as unknown;
      });
    }
    return yield op(line, text, () => {
      accessed(view, index, viewName, line, true, name);
      return writing(view, index, () => Reflect.apply(fn, Atomics, args) as unknown);
    });
  }

  // ---- plain element access ----

  function* read(target: unknown, key: unknown, line: number, objectName: string): Gen {
    if (!isShared(target) || !isIndex(key)) return (target as Record<PropertyKey, unknown>)[key as PropertyKey];
    const index = Number(key);
    const name = nameOf(target, objectName);
    return yield op(line, () => `read ${name}[${index}]`, () => {
      accessed(target, index, name, line, false, '');
      touched(target, index, 'plain-read');
      return target[index];
    });
  }

  function* write(target: unknown, key: unknown, value: unknown, line: number, objectName: string): Gen {
    if (!isShared(target) || !isIndex(key)) return ((target as Record<PropertyKey, unknown>)[key as PropertyKey] = value);
    const index = Number(key);
    const name = nameOf(target, objectName);
    yield op(
      line,
      () => `write ${name}[${index}] ← ${show(value)}`,
      () => {
        accessed(target, index, name, line, true, '');
        writing(target, index, () => ((target as unknown as unknown[])[index] = value));
      },
    );
    return value;
  }

  function* update(target: unknown, key: unknown, operator: string, value: unknown, line: number, objectName: string): Gen {
    const old = yield* read(target, key, line, objectName);
    return yield* write(target, key, binary(operator, old, value), line, objectName);
  }

  function* increment(target: unknown, key: unknown, delta: number, prefix: boolean, line: number, objectName: string): Gen {
    const old = (yield* read(target, key, line, objectName)) as number | bigint;
    const numeric = typeof old === 'bigint' ? old : Number(old);
    const next = typeof numeric === 'bigint' ? numeric + BigInt(delta) : numeric + delta;
    yield* write(target, key, next, line, objectName);
    return prefix ? next : numeric;
  }

  // ---- timers, microtasks, console, clock, random ----

  function addTimer(lane: typeof session.exec.current, ms: unknown, line: number, text: string, fire: () => Gen | void) {
    const delay = Math.max(0, Number(ms) || 0);
    const event = { seq: session.exec.nextSeq(), text, line, deadline: session.exec.clock + delay, enabled: () => true, waitsFor: () => 'a timer', fire, gone: false };
    lane.events.push(event);
    return event;
  }

  const timers = new Map<number, { gone?: boolean }>();
  let nextTimerId = 1;
  let random = mulberry32(1);

  function setTimer(callback: unknown, ms: unknown, args: unknown[], repeat: boolean): number {
    if (typeof callback !== 'function') throw new Abort('unsupported', `Line ${session.exec.current.line}: a timer needs a function, not code in a string.`, session.exec.current.line);
    const id = nextTimerId++;
    const lane = session.exec.current;
    const line = lane.line;
    const arm = () => {
      const event = addTimer(lane, ms, line, `${repeat ? 'interval' : 'timer'} set at line ${line}`, function* () {
        if (repeat) arm();
        else timers.delete(id);
        yield* call(callback, undefined, args, line, 'timer callback');
      });
      timers.set(id, event);
    };
    arm();
    return id;
  }

  function clearTimer(id: unknown): void {
    const event = timers.get(Number(id));
    if (event) event.gone = true;
    timers.delete(Number(id));
  }


  function emit(stream: string, args: unknown[]): void {
    const text = formatArgs(args);
    if (stream === 'log' || stream === 'info') session.exec.lastResult = text.trim();
    if (session.exec.output.length < MAX_OUTPUT) session.exec.output.push({ stream, text, lane: session.exec.current.name, step: session.exec.stepCount });
  }

  const console = {
    log: (...args: unknown[]) => emit('log', args),
    info: (...args: unknown[]) => emit('info', args),
    debug: (...args: unknown[]) => emit('log', args),
    warn: (...args: unknown[]) => emit('warn', args),
    error: (...args: unknown[]) => emit('error', args),
    table: (...args: unknown[]) => emit('log', args),
    dir: (...args: unknown[]) => emit('log', args),
    assert: (condition?: unknown, ...args: unknown[]) => {
      if (condition) return;
      const message = args.length ? formatArgs(args) : '';
      emit('error', [`Assertion failed${message ? `: ${message}` : ''}`]);
      session.exec.flag('assert', `console.assert failed at line ${session.exec.current.line} (${session.exec.current.name})${message ? `: ${message}` : ''}`);
    },
  };

  const math = Object.defineProperties({}, Object.getOwnPropertyDescriptors(Math)) as Math;
  Object.defineProperty(math, 'random', { value: () => random(), writable: true, configurable: true });

  const EPOCH = Date.UTC(2026, 0, 1);
  const RealDate = Date;
  class VDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(EPOCH + session.exec.clock);
      else super(...(args as [number]));
    }
    static override now(): number {
      return EPOCH + session.exec.clock;
    }
  }

  const crypto = {
    getRandomValues<T extends ArrayBufferView>(view: T): T {
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      return view;
    },
    randomUUID(): string {
      const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
      return `${hex.slice(0, 8).join('')}-${hex.slice(8, 12).join('')}-4${hex.slice(13, 16).join('')}-a${hex.slice(17, 20).join('')}-${hex.slice(20).join('')}`;
    },
  };

  const globals: Record<(typeof LANE_GLOBALS)[number], unknown> = {
    console,
    Promise: P,
    setTimeout: (callback: unknown, ms?: unknown, ...args: unknown[]) => setTimer(callback, ms, args, false),
    setInterval: (callback: unknown, ms?: unknown, ...args: unknown[]) => setTimer(callback, ms, args, true),
    clearTimeout: clearTimer,
    clearInterval: clearTimer,
    queueMicrotask: (callback: unknown) => {
      const line = session.exec.current.line;
      session.exec.current.microtasks.push(() => call(callback, undefined, [], line, 'microtask'));
    },
    Math: math,
    Date: VDate,
    performance: { now: () => session.exec.clock, timeOrigin: EPOCH, mark() {}, measure() {} },
    crypto,
    navigator: { hardwareConcurrency: EXPLORED_CORES, userAgent: 'racecourse explorer', language: 'en' },
  };

  // ---- Array methods whose callbacks may do visible operations ----

  const arrayMethods: Record<string, (array: unknown[], args: unknown[]) => Gen> = {
    *forEach(array, [fn, thisArg]) {
      for (let i = 0; i < array.length; i++) if (i in array) yield* call(fn, thisArg, [array[i], i, array], session.exec.current.line, 'callback');
    },
    *map(array, [fn, thisArg]) {
      const out: unknown[] = new Array(array.length);
      for (let i = 0; i < array.length; i++) if (i in array) out[i] = yield* call(fn, thisArg, [array[i], i, array], session.exec.current.line, 'callback');
      return out;
    },
    *filter(array, [fn, thisArg]) {
      const out: unknown[] = [];
      for (let i = 0; i < array.length; i++) if (i in array && (yield* call(fn, thisArg, [array[i], i, array], session.exec.current.line, 'callback'))) out.push(array[i]);
      return out;
    },
    *some(array, [fn, thisArg]) {
      for (let i = 0; i < array.length; i++) if (i in array && (yield* call(fn, thisArg, [array[i], i, array], session.exec.current.line, 'callback'))) return true;
      return false;
    },
    *every(array, [fn, thisArg]) {
      for (let i = 0; i < array.length; i++) if (i in array && !(yield* call(fn, thisArg, [array[i], i, array], session.exec.current.line, 'callback'))) return false;
      return true;
    },
    *find(array, [fn, thisArg]) {
      for (let i = 0; i < array.length; i++) if (yield* call(fn, thisArg, [array[i], i, array], session.exec.current.line, 'callback')) return array[i];
      return undefined;
    },
    *findIndex(array, [fn, thisArg]) {
      for (let i = 0; i < array.length; i++) if (yield* call(fn, thisArg, [array[i], i, array], session.exec.current.line, 'callback')) return i;
      return -1;
    },
    *flatMap(array, [fn, thisArg]) {
      const out: unknown[] = [];
      for (let i = 0; i < array.length; i++) {
        const value = yield* call(fn, thisArg, [array[i], i, array], session.exec.current.line, 'callback');
        if (Array.isArray(value)) out.push(...(value as unknown[]));
        else out.push(value);
      }
      return out;
    },
    *reduce(array, args) {
      const [fn] = args;
      let i = 0;
      let acc: unknown;
      if (args.length > 1) acc = args[1];
      else {
        while (i < array.length && !(i in array)) i++;
        if (i >= array.length) throw new TypeError('Reduce of empty array with no initial value');
        acc = array[i++];
      }
      for (; i < array.length; i++) if (i in array) acc = yield* call(fn, undefined, [acc, array[i], i, array], session.exec.current.line, 'callback');
      return acc;
    },
  };
  for (const [method, impl] of Object.entries(arrayMethods)) {
    natives.set((Array.prototype as unknown as Record<string, unknown>)[method], (thisArg, args) => {
      if (!Array.isArray(thisArg)) return (function* () {
        return Reflect.apply((Array.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!, thisArg, args);
      })();
      return impl(thisArg, args);
    });
  }
  natives.set(Array.from, function* (_thisArg, [items, fn, thisArg]) {
    const list = Array.from(items as ArrayLike<unknown>);
    if (typeof fn !== 'function') return list;
    const out: unknown[] = [];
    for (let i = 0; i < list.length; i++) out.push(yield* call(fn, thisArg, [list[i], i], session.exec.current.line, 'callback'));
    return out;
  });

  /** Starts the state of a new execution (timers, sleepers, the seeded random numbers). */
  function reset(seed: number): void {
    versions = new Map();
    sleepers.clear();
    timers.clear();
    nextTimerId = 1;
    random = mulberry32(seed);
  }

  const rc = {
    /** A snippet function: its plain wrapper (for built-ins), with the generator behind it for `c`. */
    k(g: (...args: unknown[]) => Gen, isAsync: boolean, id: number) {
      const entry = { g, async: isAsync };
      const wrapper = function (this: unknown, ...args: unknown[]) {
        const it = Reflect.apply(g, this, args);
        return runNative(isAsync ? driveAsync(it) : it);
      };
      (wrapper as unknown as { [ENTRY]: FunctionEntry })[ENTRY] = entry;
      (g as unknown as { [ENTRY]: FunctionEntry })[ENTRY] = entry;
      if (id > 0) (wrapper as unknown as { [ID]: number })[ID] = id;
      return wrapper;
    },
    /** A class's methods `m` / `m$rc`. */
    kc(cls: { prototype: Record<string, unknown> } & Record<string, unknown>, own: [string, boolean][], statics: [string, boolean][]) {
      for (const [name, isAsync] of own) functions.set(cls.prototype[name] as object, { g: cls.prototype[`${name}$rc`] as FunctionEntry['g'], async: isAsync });
      for (const [name, isAsync] of statics) functions.set(cls[name] as object, { g: cls[`${name}$rc`] as FunctionEntry['g'], async: isAsync });
    },
    /** A method wrapper called by a built-in (or by code the explorer left native). */
    rm(self: Record<string, (...args: unknown[]) => Gen>, name: string, args: unknown[], isAsync: boolean) {
      const it = self[name]!(...args);
      return runNative(isAsync ? driveAsync(it) : it);
    },
    c: call,
    *m(target: unknown, key: PropertyKey, args: unknown[], line: number): Gen {
      session.exec.current.line = line;
      if (target === null || target === undefined) throw new TypeError(`Cannot read properties of ${String(target)} (reading '${String(key)}')`);
      const fn = (target as Record<PropertyKey, unknown>)[key];
      if (typeof fn !== 'function') throw new TypeError(`${String(key)} is not a function`);
      return yield* call(fn, target, args, line, String(key));
    },
    /** `o?.m(…)`: undefined when `o` is null or undefined. */
    *mo(target: unknown, key: PropertyKey, args: unknown[], line: number): Gen {
      if (target === null || target === undefined) return undefined;
      return yield* rc.m(target, key, args, line);
    },
    at: atomics,
    /** `const name = new Int32Array(…)`: names a shared view where it is made (and keeps it for Step mode). */
    sv(value: unknown, name: string): unknown {
      if (isShared(value)) nameOf(value, name);
      return value;
    },
    rd: read,
    wr: write,
    upd: update,
    inc: increment,
    aw: (value: unknown) => new Await(value),
    /** `for await`: the iterable's async iterator (or its sync one). */
    ai(iterable: unknown, line: number) {
      session.exec.current.line = line;
      const source = iterable as Record<symbol, (() => unknown) | undefined>;
      const asyncIterator = source?.[Symbol.asyncIterator];
      if (typeof asyncIterator === 'function') return Reflect.apply(asyncIterator, iterable, []);
      const syncIterator = source?.[Symbol.iterator];
      if (typeof syncIterator !== 'function') throw new TypeError('for await needs an async iterable');
      const it = Reflect.apply(syncIterator, iterable, []) as Iterator<unknown>;
      return {
        next: () => {
          const step = it.next();
          return P.resolve(step.value).then((value: unknown) => ({ value, done: step.done }));
        },
      };
    },
    *nx(iterator: unknown, line: number): Gen {
      return yield* rc.m(iterator, 'next', [], line);
    },
    /** A loop's back-edge: catches a loop that never reaches a visible operation. */
    t(line: number) {
      const exec = session.exec;
      if ((++exec.ticks & 0xfffff) === 0 && performance.now() - exec.stepStarted > STEP_LIMIT_MS) {
        session.exec.current.line = line;
        throw new Abort(
          'no-progress',
          `No progress: ${exec.current.name} ran the loop at line ${line} for ${STEP_LIMIT_MS / 1000} s without reaching an operation another worker could see or change.`,
          line,
        );
      }
    },
    /**
     * The back-edge of a loop in a generator. If the iteration that just ended
     * could only have spun (`spins`, decided statically) and, in fact, changed
     * no shared cell, read only through Atomics, and no lane has written what
     * it read since, the lane is waiting, not runnable: it yields a step that
     * is enabled only once one of those cells changes.
     */
    *ts(line: number, loop: number, spins: boolean): Gen {
      rc.t(line);
      if (!spins) return;
      const lane = session.exec.current;
      if (lane.spinLoop === loop && !lane.spinWrote && !lane.spinPlain && lane.spinReads.length > 0) {
        const reads = lane.spinReads;
        const changed = () => reads.some((r) => versionOf(r.buffer, r.byte) !== r.version);
        if (!changed()) {
          const what = `a change to what it read at line ${line}`;
          yield op(line, `spins at line ${line}, until ${what}`, () => undefined, { enabled: changed, waitsFor: () => what });
        }
      }
      lane.spinLoop = loop;
      lane.spinReads = [];
      lane.spinWrote = false;
      lane.spinPlain = false;
    },
    /** For the models: a generator made from a snippet function call. */
    call,
    driveAsync,
    op,
    isShared,
    names,
    /** The id of a snippet function (for its standalone copy), if it is one. */
    idOf: (fn: unknown): number | undefined => (typeof fn === 'function' ? (fn as { [ID]?: number })[ID] : undefined),
    functions,
    runNative,
  };
  return { rc, globals, reset };
}

type SharedView = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array | Uint8ClampedArray;

export function isShared(value: unknown): value is SharedView {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) && value.buffer instanceof SharedArrayBuffer;
}

function isIndex(key: unknown): boolean {
  return typeof key === 'number' ? Number.isInteger(key) && key >= 0 : typeof key === 'string' && /^(0|[1-9]\d*)$/.test(key);
}

export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.length} items]`;
  return value.constructor?.name ?? 'object';
}

/** A function's name as the snippet wrote it (wrappers keep no name of their own: naming each costs time). */
export function functionName(fn: unknown, functions: WeakMap<object, { g: { name: string } }>): string {
  if (typeof fn !== 'function') return show(fn);
  const entry = (fn as { [ENTRY]?: FunctionEntry })[ENTRY] ?? functions.get(fn);
  // Arrow functions become bound generators, whose name is "bound ": they have no name of their own to show.
  return (entry ? entry.g.name.replace(/\$rc$/, '') : fn.name).replace(/^bound\s*/, '') || 'a function';
}

function binary(operator: string, a: unknown, b: unknown): unknown {
  const x = a as number;
  const y = b as number;
  switch (operator) {
    case '+':
      return (a as string) + (b as string);
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    case '%':
      return x % y;
    case '**':
      return x ** y;
    case '<<':
      return x << y;
    case '>>':
      return x >> y;
    case '>>>':
      return x >>> y;
    case '&':
      return x & y;
    case '|':
      return x | y;
    case '^':
      return x ^ y;
    default:
      throw new Error(`unknown operator ${operator}`);
  }
}

/** A small seeded generator: every execution of one exploration sees the same numbers in the same order. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
