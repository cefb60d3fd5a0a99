import { parseFetchReply } from '../../shared/protocol/index.ts';
import {
  describeUncaught,
  explainClosure,
  explainMissingImport,
  explainMissingMethod,
  toErrorInfo,
  type FunctionHome,
} from '../core/errors.ts';
import { original, type WorkerContext } from '../core/context.ts';
import { installLearnerAtomics } from './learner-atomics.ts';

/**
 * Makes the standard worker globals visible to the instrumentation, without
 * changing what they do for the learner:
 * - `Atomics.wait` marks the lane `waiting` while it blocks;
 * - timers, message handlers and `Atomics.waitAsync` mark `running` when
 *   they call back (and count as ways the worker can wake up);
 * - `fetch` resolves relative URLs against the page and, for same-origin
 *   URLs, is carried out by the page (the run lives in a sandboxed frame
 *   with an opaque origin, which the site's server would refuse);
 * - uncaught errors and unhandled rejections end the run with a `system` line.
 */

type Callback = (...args: unknown[]) => unknown;
type TimerSet = (handler: unknown, ms?: number, ...args: unknown[]) => number;
type TimerClear = (id?: number) => void;

const scope = globalThis as unknown as Record<string, unknown>;

export function wrapGlobals(ctx: WorkerContext): void {
  wrapAtomics(ctx);
  installLearnerAtomics(ctx);
  wrapTimers(ctx);
  wrapMessageHandlers(ctx);
  wrapFetch(ctx);
  countRawWorkers(ctx);
}

/**
 * A Worker the snippet creates itself is invisible to the instrumentation;
 * while one lives, this worker counts as able to wake up (no deadlock is
 * declared on its behalf).
 */
function countRawWorkers(ctx: WorkerContext): void {
  const Platform = scope.Worker as (new (url: string | URL, options?: WorkerOptions) => Worker) | undefined;
  if (!Platform) return;
  const meter = ctx.meter;
  scope.Worker = class extends Platform {
    private ended = false;
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      meter.rawWorkers++;
    }
    override terminate(): void {
      if (!this.ended) meter.rawWorkers--;
      this.ended = true;
      super.terminate();
    }
  };
}

const load = Atomics.load.bind(Atomics) as (array: Int32Array | BigInt64Array, index: number) => number | bigint;

function wrapAtomics(ctx: WorkerContext): void {
  const meter = ctx.meter;
  const wait = original.atomicsWait as (a: Int32Array | BigInt64Array, i: number, v: number | bigint, t?: number) => string;
  (Atomics as unknown as Record<string, unknown>).wait = function wait_(
    array: Int32Array | BigInt64Array,
    index: number,
    value: number | bigint,
    timeout?: number,
  ): string {
    // A wait that cannot start costs no state change.
    if (load(array, index) !== value) return wait(array, index, value, timeout);
    if (meter.isBlocked) return wait(array, index, value, timeout);
    const finite = timeout !== undefined && Number.isFinite(Number(timeout));
    meter.blockStart({ kind: 'atomics' }, finite);
    ctx.flushOverflow();
    try {
      return wait(array, index, value, timeout);
    } finally {
      meter.blockEnd();
    }
  };
  const waitAsync = original.atomicsWaitAsync as
    | ((a: Int32Array | BigInt64Array, i: number, v: number | bigint, t?: number) => { async: boolean; value: unknown })
    | undefined;
  if (!waitAsync) return;
  (Atomics as unknown as Record<string, unknown>).waitAsync = function waitAsync_(
    array: Int32Array | BigInt64Array,
    index: number,
    value: number | bigint,
    timeout?: number,
  ) {
    const result = waitAsync(array, index, value, timeout);
    if (!result.async) return result;
    const finite = timeout !== undefined && Number.isFinite(Number(timeout));
    const done = meter.asyncWait({ kind: 'atomics' });
    if (finite) meter.timers++;
    const settled = (result.value as Promise<string>).then((outcome) => {
      if (finite) meter.timers--;
      done();
      return outcome;
    });
    return { async: true, value: settled };
  };
}

function wrapTimers(ctx: WorkerContext): void {
  const meter = ctx.meter;
  const pending = new Set<number>();
  const set = original.setTimeout as unknown as TimerSet;
  const clear = original.clearTimeout as unknown as TimerClear;
  const setEvery = original.setInterval as unknown as TimerSet;
  const clearEvery = original.clearInterval as unknown as TimerClear;

  scope.setTimeout = (handler: unknown, ms?: number, ...args: unknown[]): number => {
    if (typeof handler !== 'function') return set(handler, ms, ...args);
    const id = set(() => {
      if (pending.delete(id)) meter.timers--;
      meter.touch();
      (handler as Callback)(...args);
    }, ms);
    pending.add(id);
    meter.timers++;
    return id;
  };
  scope.clearTimeout = (id?: number) => {
    if (id !== undefined && pending.delete(id)) meter.timers--;
    clear(id);
  };
  scope.setInterval = (handler: unknown, ms?: number, ...args: unknown[]): number => {
    if (typeof handler !== 'function') return setEvery(handler, ms, ...args);
    const id = setEvery(() => {
      meter.touch();
      (handler as Callback)(...args);
    }, ms);
    pending.add(id);
    meter.timers++;
    return id;
  };
  scope.clearInterval = (id?: number) => {
    if (id !== undefined && pending.delete(id)) meter.timers--;
    clearEvery(id);
  };
}

function wrapMessageHandlers(ctx: WorkerContext): void {
  const meter = ctx.meter;
  const wrappers = new WeakMap<object, Callback>();
  const wrap = (listener: unknown): unknown => {
    if (typeof listener !== 'function' && !(typeof listener === 'object' && listener !== null)) return listener;
    const known = wrappers.get(listener);
    if (known) return known;
    const wrapped = function (this: unknown, event: unknown) {
      meter.touch();
      if (typeof listener === 'function') return (listener as Callback).call(this, event);
      return (listener as { handleEvent?: Callback }).handleEvent?.call(listener, event);
    };
    wrappers.set(listener, wrapped);
    return wrapped;
  };
  const isMessage = (type: unknown) => type === 'message' || type === 'messageerror';

  const proto = EventTarget.prototype as unknown as Record<string, Callback>;
  const add = proto.addEventListener as Callback;
  const remove = proto.removeEventListener as Callback;
  proto.addEventListener = function (this: unknown, type: unknown, listener: unknown, options?: unknown) {
    return add.call(this, type, isMessage(type) ? wrap(listener) : listener, options);
  };
  proto.removeEventListener = function (this: unknown, type: unknown, listener: unknown, options?: unknown) {
    const wrappable = (typeof listener === 'object' && listener !== null) || typeof listener === 'function';
    const wrapped = isMessage(type) && wrappable ? wrappers.get(listener) : undefined;
    return remove.call(this, type, wrapped ?? listener, options);
  };

  for (const name of ['MessagePort', 'BroadcastChannel', 'Worker']) {
    const ctor = scope[name] as { prototype?: object } | undefined;
    const target = ctor?.prototype;
    if (!target) continue;
    const descriptor = Object.getOwnPropertyDescriptor(target, 'onmessage');
    if (!descriptor?.set || !descriptor.get) continue;
    // Property-typed accessors: they are called below with the port as `this`.
    const { get, set } = descriptor as { get: (this: object) => unknown; set: (this: object, value: unknown) => void };
    const handlers = new WeakMap<object, unknown>();
    Object.defineProperty(target, 'onmessage', {
      configurable: true,
      enumerable: descriptor.enumerable ?? true,
      get(this: object): unknown {
        return handlers.has(this) ? handlers.get(this) : get.call(this);
      },
      set(this: object, handler: unknown) {
        handlers.set(this, handler);
        set.call(this, typeof handler === 'function' ? wrap(handler) : handler);
      },
    });
  }
}

function wrapFetch(ctx: WorkerContext): void {
  const platformFetch = original.fetch;
  const pageOrigin = safeOrigin(ctx.pageUrl);
  scope.fetch = async (input: unknown, init?: RequestInit): Promise<Response> => {
    const url =
      input instanceof Request ? new URL(input.url) : new URL(input instanceof URL ? input.href : String(input), ctx.pageUrl);
    if (url.origin !== pageOrigin) {
      if (!platformFetch) throw new TypeError('fetch is not available here.');
      return platformFetch(input instanceof Request ? input : url.href, init);
    }
    const request = new Request(url.href, input instanceof Request ? input : init);
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
    const channel = new MessageChannel();
    ctx.meter.fetches++;
    try {
      const reply = await new Promise<unknown>((resolve) => {
        channel.port1.onmessage = (event: MessageEvent) => resolve(event.data);
        ctx.send(
          {
            type: 'fetch',
            request: { url: url.href, method: request.method, headers: [...request.headers], body },
            reply: channel.port2,
          },
          body ? [channel.port2, body] : [channel.port2],
        );
      });
      const parsed = parseFetchReply(reply);
      if (!parsed.ok) throw new TypeError(`Failed to fetch ${url.href}: ${parsed.problem}`);
      const answer = parsed.value;
      if (!answer.ok) throw new TypeError(`Failed to fetch ${url.href}: ${answer.message}`);
      const nullBody = [101, 204, 205, 304].includes(answer.status);
      return new Response(nullBody ? null : answer.body, {
        status: answer.status,
        statusText: answer.statusText,
        headers: answer.headers,
      });
    } finally {
      ctx.meter.fetches--;
      ctx.meter.touch();
      channel.port1.close();
    }
  };
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** Uncaught errors and unhandled rejections end the run, with a `system` line. */
export function installErrorHandlers(ctx: WorkerContext, home: FunctionHome | null, exportNames: readonly string[] = []): void {
  const report = (reason: unknown, prefix: string) => {
    const explained = home ? explainMissingMethod(explainClosure(reason, home)) : explainMissingImport(reason, exportNames);
    const info = toErrorInfo(explained, (stack) => ctx.mapStack(stack));
    const { text, ...error } = describeUncaught(info, ctx.name, prefix);
    ctx.emit({ k: 'uncaught', t: ctx.now(), error, text });
    ctx.flushOverflow();
  };
  self.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    report(event.error ?? new Error(event.message), 'Uncaught');
  });
  self.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    event.preventDefault();
    report(event.reason, 'Uncaught (in promise)');
  });
}
