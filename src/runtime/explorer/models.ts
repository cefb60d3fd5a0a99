import { Abort, type Gen, type Lane, type LaneEvent, type Op } from './execution.ts';
import { EXPLORED_CORES, functionName, isShared, show, type Runtime, type Session } from './runtime.ts';
import type { VPromise } from './promise.ts';
import type { RACECOURSE_NAMES } from './instrument.ts';
import type { SyncObjectView } from '../../shared/protocol/explore.ts';
import { LockOrder } from '../../shared/lock-order.ts';
import type { Clock } from './happens-before.ts';

/**
 * The `racecourse` module as the explorer runs it: the same names and
 * behaviour as src/runtime/racecourse (design/contract.md §2), with every
 * operation that another worker could see made a visible operation, and
 * every worker a lane of the execution. State lives in plain fields: the
 * lanes share one agent, and the scheduler decides who moves.
 */

/** The core count a snippet sees under the explorer: small, and the same on every machine. */
const MAX_LIVE_WORKERS = 64;

export interface Program {
  /** A spawned function's standalone copy: it sees only the worker globals, as in a real worker. */
  fresh(id: number): unknown;
}

type GenMethod = (self: never, ...args: never[]) => Gen;

export function makeRacecourse(session: Session, runtime: Runtime['rc'], program: Program) {
  const P = session.Promise;
  const rc = runtime;
  const counters = new Map<string, number>();
  let nextWorker = 1;
  /** Sync objects travel by reference: they are the same object in every lane. */
  const syncObjects = new WeakSet<object>();

  const lineNow = () => session.exec.current.line;
  /** Happens-before (happens-before.ts): the running lane acquires / releases. */
  const acquire = (from: Clock | undefined) => session.exec.hb.acquire(session.exec.current.index, from);
  const release = () => session.exec.hb.release(session.exec.current.index);
  const releaseInto = (into: Clock | undefined) => session.exec.hb.releaseInto(session.exec.current.index, into);
  /** The lock order (src/shared/lock-order.ts): the running lane took / gave back `lock`. */
  const took = (lock: string, line: number, blocking = true) => (session.exec.lockOrder ??= new LockOrder()).acquired(session.exec.current.name, lock, line, blocking);
  const gaveBack = (lock: string) => session.exec.lockOrder?.released(session.exec.current.name, lock);

  /** Installs generator methods `name$rc` with plain wrappers `name`, and registers them for the call helpers. */
  function install(cls: { prototype: object }, methods: Record<string, GenMethod>): void {
    const pairs: [string, boolean][] = [];
    for (const [name, gen] of Object.entries(methods)) {
      // The generator takes its object as its first parameter; `this` reaches it through a plain function.
      const method = function (this: unknown, ...args: unknown[]) {
        return (gen as (...a: unknown[]) => Gen)(this, ...args);
      };
      Object.defineProperty(cls.prototype, `${name}$rc`, { value: method, configurable: true });
      Object.defineProperty(cls.prototype, name, {
        value: function (this: Record<string, (...a: unknown[]) => Gen>, ...args: unknown[]) {
          return rc.rm(this, `${name}$rc`, args, false);
        },
        configurable: true,
        writable: true,
      });
      pairs.push([name, false]);
    }
    rc.kc(cls as never, pairs, []);
  }

  function syncName(kind: string, options: unknown): string {
    const given = typeof options === 'string' ? options : (options as { name?: string } | undefined)?.name;
    if (given) return `${kind} ${given}`;
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${kind} #${n}`;
  }

  /** Step mode: a sync object whose state the shared-state view shows. */
  function showInStepMode(describe: () => SyncObjectView): void {
    session.exec.inspected?.syncs.push({ describe });
  }

  /** Lanes that wait for `sync` now: a blocked lock or acquire, or a wake-up (lockAsync, recv, send) not yet possible. */
  function waitersOf(sync: object): string[] {
    const out: string[] = [];
    for (const lane of session.exec.lanes) {
      const pending = lane.pending;
      if (pending ? pending.on === sync && !pending.enabled() : lane.events.some((e) => !e.gone && e.on === sync && !e.enabled())) out.push(lane.name);
    }
    return out;
  }

  /** An event on the current lane: it becomes a choice once `enabled`. */
  function wakeUp(text: string, enabled: () => boolean, fire: () => Gen | void, waitsFor: () => string, on?: object, wants?: string): LaneEvent {
    const event: LaneEvent = { seq: session.exec.nextSeq(), text, line: lineNow(), enabled, fire, waitsFor, on, wants };
    session.exec.current.events.push(event);
    return event;
  }

  /** Structured clone as a message does it (cycles and shared references kept), with sync objects and shared memory by reference. */
  function clone(value: unknown, line: number, seen = new Map<object, unknown>()): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (seen.has(value)) return seen.get(value);
    if (typeof value === 'function') {
      throw new DOMException(
        `${value.name || 'function'} could not be cloned. A function cannot travel to another worker: pass the data it needs instead (line ${line}).`,
        'DataCloneError',
      );
    }
    if (syncObjects.has(value) || value instanceof SharedArrayBuffer) return value;
    if (isShared(value)) {
      const View = value.constructor as new (buffer: ArrayBufferLike, offset: number, length: number) => unknown;
      const copy = new View(value.buffer, value.byteOffset, value.length) as object;
      const name = rc.names.get(value);
      if (name) rc.names.set(copy, name);
      return copy;
    }
    if (value instanceof P) throw new DOMException(`#<Promise> could not be cloned (line ${line}).`, 'DataCloneError');
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      seen.set(value, out);
      for (const item of value) out.push(clone(item, line, seen));
      return out;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      const out: Record<string, unknown> = {};
      seen.set(value, out);
      for (const [key, item] of Object.entries(value)) out[key] = clone(item, line, seen);
      return out;
    }
    return structuredClone(value);
  }

  // ---- workers ----

  class TerminatedError extends Error {
    override name = 'TerminatedError';
  }
  class WorkerLimitError extends Error {
    override name = 'WorkerLimitError';
  }

  const live = () => session.exec.lanes.filter((lane) => !lane.finished).length;

  /** Starts a lane that runs `fn(...args)` as its first job; `done` gets its result or error. */
  function startLane(fn: unknown, args: unknown[], line: number, done: (value: unknown, failed: boolean) => void): Lane {
    const id = rc.idOf(fn);
    if (id === undefined) {
      throw new TypeError(`Line ${line}: spawn needs a function written in the snippet (got ${show(fn)}).`);
    }
    if (live() >= MAX_LIVE_WORKERS) throw new WorkerLimitError(`Too many workers: a run may have at most ${MAX_LIVE_WORKERS} live workers.`);
    const copies = args.map((arg) => clone(arg, line));
    const lane = session.exec.addLane(`worker-${nextWorker++}`, session.exec.current);
    const name = functionName(fn, rc.functions);
    const start: Op = {
      lane,
      line,
      text: `starts ${name}`,
      enabled: () => true,
      perform: () => {
        lane.job = (function* () {
          let result: unknown;
          try {
            result = yield* rc.call(program.fresh(id), undefined, copies, line, name);
          } catch (error) {
            if (error instanceof Abort) throw error;
            return done(error, true);
          }
          if (result instanceof P) {
            P.whenSettled(result as VPromise, (value, rejected) =>
              function* () {
                done(value, rejected);
              },
            );
          } else {
            done(result, false);
          }
        })();
        return undefined;
      },
    };
    lane.pending = start;
    return lane;
  }

  class Task {
    readonly id: number;
    readonly name: string;
    #lane: Lane;
    #state: 'running' | 'returned' | 'threw' = 'running';
    #joined = false;
    #value: unknown;
    /** The lane's clock when it ended: a join acquires it. */
    #clock: Clock | undefined;
    constructor(lane: Lane) {
      this.#lane = lane;
      this.name = lane.name;
      this.id = Number(lane.name.slice('worker-'.length));
    }
    static finish(task: Task, value: unknown, failed: boolean): void {
      task.#state = failed ? 'threw' : 'returned';
      task.#value = value;
      task.#lane.finished = true;
      task.#clock = [...session.exec.hb.clockOf(task.#lane.index)];
      if (failed && !(value instanceof TerminatedError)) {
        const text = value instanceof Error ? `${value.name}: ${value.message}` : String(value);
        session.exec.output.push({ stream: 'error', text: `${task.name} threw: ${text}`, lane: task.name, step: session.exec.stepCount });
        if (!task.#joined) session.exec.unjoinedFailures.set(task, `${task.name} threw (${text}) and nobody joined it.`);
      }
    }
    static joined(task: Task): void {
      task.#joined = true;
      session.exec.unjoinedFailures.delete(task);
    }
    static lane(task: Task): Lane {
      return task.#lane;
    }
    static outcome(task: Task) {
      return { state: task.#state, value: task.#value, clock: task.#clock };
    }
  }
  syncObjects.add(Task.prototype);

  install(Task, {
    *join(task: Task) {
      const { promise, resolve, reject } = P.withResolvers();
      Task.joined(task);
      wakeUp(
        `join ${task.name}: it ended`,
        () => Task.outcome(task).state !== 'running',
        () => {
          const { state, value, clock } = Task.outcome(task);
          acquire(clock);
          if (state === 'threw') reject(value);
          else resolve(clone(value, lineNow()));
        },
        () => `${task.name} to end`,
      );
      return promise;
    },
    *terminate(task: Task) {
      yield rc.op(lineNow(), `terminate ${task.name}`, () => {
        const lane = Task.lane(task);
        if (Task.outcome(task).state !== 'running') return;
        lane.job = null;
        lane.pending = null;
        lane.microtasks.length = 0;
        lane.events.length = 0;
        Task.finish(task, new TerminatedError(`${task.name} was terminated.`), true);
      });
    },
  });

  const spawn = rc.k(
    function* spawn(fn: unknown, ...args: unknown[]): Gen {
      const line = lineNow();
      let task: Task | undefined;
      yield rc.op(line, `spawn ${functionName(fn, rc.functions)} as worker-${nextWorker}`, () => {
        const lane = startLane(fn, args, line, (value, failed) => Task.finish(task!, value, failed));
        task = new Task(lane);
      });
      return task;
    },
    false,
    0,
  );

  // ---- Mutex ----

  class Mutex {
    readonly name: string;
    holder: Lane | null = null;
    /** Its last unlock's clock: the next lock acquires it. */
    clock: Clock | undefined;
    constructor(options?: unknown) {
      this.name = syncName('mutex', options);
      syncObjects.add(this);
      showInStepMode(() => ({ kind: 'mutex', name: this.name, holders: this.holder ? [this.holder.name] : [], waiters: waitersOf(this) }));
    }
    get locked(): boolean {
      return this.holder !== null;
    }
  }
  const heldBy = (m: Mutex) => (m.holder ? `${m.name}, held by ${m.holder.name}` : m.name);
  const lockNow = (m: Mutex, line: number, blocking = true) => {
    m.holder = session.exec.current;
    acquire(m.clock);
    took(m.name, line, blocking);
  };
  install(Mutex, {
    *lock(m: Mutex) {
      const line = lineNow();
      if (m.holder === session.exec.current) {
        throw new Error(`Deadlock: ${session.exec.current.name} already holds ${m.name}, so lock() would wait forever. A Mutex is not reentrant: unlock() it first, or use tryLock().`);
      }
      yield rc.op(line, `lock ${m.name}`, () => lockNow(m, line), { enabled: () => m.holder === null, waitsFor: () => heldBy(m), on: m, wants: m.name });
    },
    *tryLock(m: Mutex) {
      const line = lineNow();
      return yield rc.op(line, `tryLock ${m.name}`, () => {
        if (m.holder) return false;
        lockNow(m, line, false);
        return true;
      });
    },
    *unlock(m: Mutex) {
      yield rc.op(lineNow(), `unlock ${m.name}`, () => {
        if (m.holder !== session.exec.current) {
          throw new Error(`Cannot unlock ${m.name}: ${session.exec.current.name} does not hold it (${m.holder ? `${m.holder.name} does` : 'nobody does'}).`);
        }
        m.holder = null;
        m.clock = release();
        gaveBack(m.name);
      });
    },
    *lockAsync(m: Mutex) {
      const line = lineNow();
      return yield rc.op(line, `lockAsync ${m.name}`, () => {
        if (!m.holder) {
          lockNow(m, line);
          return P.resolve();
        }
        const { promise, resolve } = P.withResolvers();
        wakeUp(`gets ${m.name}`, () => m.holder === null, () => {
          lockNow(m, line);
          resolve();
        }, () => heldBy(m), m, m.name);
        return promise;
      });
    },
    *withLock(self: Mutex, fn: unknown) {
      yield* rc.m(self, 'lock', [], lineNow());
      const line = lineNow();
      let result: unknown;
      try {
        result = yield* rc.call(fn, undefined, [], line, 'withLock callback');
      } catch (error) {
        yield* rc.m(self, 'unlock', [], line);
        throw error;
      }
      if (result instanceof P) {
        return (result as VPromise).finally(() => rc.runNative(rc.m(self, 'unlock', [], line)));
      }
      yield* rc.m(self, 'unlock', [], line);
      return result;
    },
  });

  // ---- Semaphore ----

  class Semaphore {
    readonly name: string;
    permits: number;
    readonly holders: Lane[] = [];
    /** Every release's clock, joined: an acquire takes them all. */
    clock: Clock | undefined;
    constructor(permits = 1, options?: unknown) {
      if (!Number.isInteger(permits) || permits < 0) throw new RangeError(`new Semaphore(permits) needs a whole number ≥ 0 (got ${String(permits)}).`);
      this.permits = permits;
      this.name = syncName('semaphore', options);
      syncObjects.add(this);
      showInStepMode(() => ({ kind: 'semaphore', name: this.name, holders: this.holders.map((l) => l.name), waiters: waitersOf(this), permits: this.permits }));
    }
    get available(): number {
      return this.permits;
    }
  }
  const take = (s: Semaphore, line: number, blocking = true) => {
    s.permits--;
    s.holders.push(session.exec.current);
    acquire(s.clock);
    took(s.name, line, blocking);
  };
  const held = (s: Semaphore) => `a permit of ${s.name}${s.holders.length ? `, held by ${s.holders.map((l) => l.name).join(', ')}` : ''}`;
  install(Semaphore, {
    *acquire(s: Semaphore) {
      const line = lineNow();
      yield rc.op(line, `acquire ${s.name}`, () => take(s, line), { enabled: () => s.permits > 0, waitsFor: () => held(s), on: s, wants: s.name });
    },
    *tryAcquire(s: Semaphore) {
      const line = lineNow();
      return yield rc.op(line, `tryAcquire ${s.name}`, () => {
        if (s.permits <= 0) return false;
        take(s, line, false);
        return true;
      });
    },
    *release(s: Semaphore) {
      yield rc.op(lineNow(), `release ${s.name}`, () => {
        s.permits++;
        const at = s.holders.indexOf(session.exec.current);
        s.holders.splice(at >= 0 ? at : 0, 1);
        s.clock = releaseInto(s.clock);
        gaveBack(s.name);
      });
    },
    *acquireAsync(s: Semaphore) {
      const line = lineNow();
      return yield rc.op(line, `acquireAsync ${s.name}`, () => {
        if (s.permits > 0) {
          take(s, line);
          return P.resolve();
        }
        const { promise, resolve } = P.withResolvers();
        wakeUp(`gets ${s.name}`, () => s.permits > 0, () => {
          take(s, line);
          resolve();
        }, () => held(s), s, s.name);
        return promise;
      });
    },
  });

  // ---- Channel ----

  class Channel {
    readonly name: string;
    readonly items: unknown[] = [];
    /** Each item's sender's clock, beside `items`: its receiver acquires it. */
    readonly clocks: Clock[] = [];
    /** The clock of its close, and of every receive (a sender that waited for room or for its receiver acquires it). */
    closeClock: Clock | undefined;
    takenClock: Clock | undefined;
    readonly slots: number;
    readonly rendezvous: boolean;
    closedFlag = false;
    sent = 0;
    received = 0;
    readonly #capacity: number;
    constructor(capacity = 0, options?: unknown) {
      if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`new Channel(capacity) needs a whole number ≥ 0 (got ${String(capacity)}).`);
      this.#capacity = capacity;
      this.slots = Math.max(1, capacity);
      this.rendezvous = capacity === 0;
      this.name = syncName('channel', options);
      syncObjects.add(this);
      showInStepMode(() => ({
        kind: 'channel',
        name: this.name,
        holders: [],
        waiters: waitersOf(this),
        items: this.items.map((item) => show(item)),
        capacity: this.#capacity,
        closed: this.closedFlag,
      }));
    }
    get capacity(): number {
      return this.#capacity;
    }
    get length(): number {
      return this.items.length;
    }
    get closed(): boolean {
      return this.closedFlag;
    }
    [Symbol.asyncIterator]() {
      return new ChannelIterator(this);
    }
  }
  class ChannelIterator {
    readonly channel: Channel;
    constructor(channel: Channel) {
      this.channel = channel;
    }
  }

  /** Takes the next value now (the caller checked there is one, or that the channel is closed). */
  function takeFrom(ch: Channel): { value: unknown; done: boolean } {
    if (ch.items.length === 0) {
      acquire(ch.closeClock);
      return { value: undefined, done: true };
    }
    ch.received++;
    acquire(ch.clocks.shift());
    ch.takenClock = releaseInto(ch.takenClock);
    return { value: ch.items.shift(), done: false };
  }

  function* receive(ch: Channel, text: string): Gen {
    return yield rc.op(lineNow(), text, () => {
      if (ch.items.length || ch.closedFlag) return P.resolve(takeFrom(ch));
      const { promise, resolve } = P.withResolvers();
      wakeUp(`receives from ${ch.name}`, () => ch.items.length > 0 || ch.closedFlag, () => resolve(takeFrom(ch)), () => `a value from ${ch.name} (it is empty)`, ch);
      return promise;
    });
  }

  install(Channel, {
    *send(ch: Channel, value: unknown) {
      const line = lineNow();
      const copy = clone(value, line);
      return yield rc.op(line, `send ${show(value)} on ${ch.name}`, () => {
        const { promise, resolve, reject } = P.withResolvers();
        const enqueue = () => {
          if (ch.closedFlag) return reject(new Error(`Cannot send on ${ch.name}: it is closed.`));
          ch.items.push(copy);
          ch.clocks.push(release());
          const ticket = ++ch.sent;
          if (!ch.rendezvous) return resolve();
          wakeUp(`${ch.name}: its value was taken`, () => ch.received >= ticket || ch.closedFlag, () => {
            acquire(ch.takenClock);
            resolve();
          }, () => `a receiver on ${ch.name}`, ch);
        };
        if (ch.closedFlag || ch.items.length < ch.slots) enqueue();
        else wakeUp(`sends on ${ch.name}`, () => ch.items.length < ch.slots || ch.closedFlag, () => {
          acquire(ch.takenClock);
          enqueue();
        }, () => `room in ${ch.name} (it is full)`, ch);
        return promise;
      });
    },
    *recv(self: Channel) {
      const promise = (yield* receive(self, `recv from ${self.name}`)) as VPromise;
      return promise.then((next: { value: unknown }) => next.value);
    },
    *tryRecv(ch: Channel) {
      return yield rc.op(lineNow(), `tryRecv from ${ch.name}`, () => (ch.items.length ? takeFrom(ch).value : undefined));
    },
    *close(ch: Channel) {
      yield rc.op(lineNow(), `close ${ch.name}`, () => {
        ch.closedFlag = true;
        ch.closeClock = releaseInto(ch.closeClock);
      });
    },
  });
  install(ChannelIterator, {
    *next(self: ChannelIterator) {
      return yield* receive(self.channel, `recv from ${self.channel.name} (for await)`);
    },
  });

  // ---- Pool ----

  interface PoolJob {
    fn: unknown;
    args: unknown[];
    line: number;
    resolve: (v: unknown) => void;
    reject: (e: unknown) => void;
    owner: Lane;
    outcome?: { value: unknown; failed: boolean };
    /** The submitter's clock (the job's start acquires it), then the job's end (its result's receiver acquires it). */
    clock: Clock;
  }

  class Pool {
    readonly size: number;
    readonly queue: PoolJob[] = [];
    readonly lanes: Lane[] = [];
    running = 0;
    closing = false;
    constructor(size: number = EXPLORED_CORES) {
      if (!Number.isInteger(size) || size < 1) throw new RangeError(`new Pool(size) needs a whole number of workers ≥ 1 (got ${String(size)}).`);
      this.size = size;
      syncObjects.add(this);
    }
  }

  /** A pool worker: idle, it waits for the next job (not a deadlock when the run is otherwise over). */
  function poolWorker(pool: Pool): void {
    const lane = session.exec.addLane(`worker-${nextWorker++}`);
    pool.lanes.push(lane);
    const wait = () => {
      const event: LaneEvent & { idleWait: true } = {
        seq: session.exec.nextSeq(),
        text: 'takes the next job',
        line: lineNow(),
        idleWait: true,
        enabled: () => pool.queue.length > 0,
        waitsFor: () => 'a job',
        fire: () => runJob(pool, lane, pool.queue.shift()!, wait),
      };
      lane.events.push(event);
    };
    wait();
  }

  function runJob(pool: Pool, lane: Lane, job: PoolJob, next: () => void): Gen {
    pool.running++;
    acquire(job.clock);
    const finish = (value: unknown, failed: boolean) => {
      pool.running--;
      job.outcome = { value, failed };
      const end = release();
      const owner = job.owner;
      owner.events.push({
        seq: session.exec.nextSeq(),
        text: `gets a pool result from ${lane.name}`,
        line: job.line,
        enabled: () => true,
        waitsFor: () => 'a pool result',
        fire: () => {
          acquire(end);
          return failed ? job.reject(value) : job.resolve(clone(value, job.line));
        },
      });
      if (!pool.closing || pool.queue.length) next();
      else lane.finished = true;
    };
    const id = rc.idOf(job.fn)!;
    return (function* () {
      let result: unknown;
      try {
        result = yield* rc.call(program.fresh(id), undefined, job.args, job.line, 'pool job');
      } catch (error) {
        if (error instanceof Abort) throw error;
        return finish(error, true);
      }
      if (result instanceof P) P.whenSettled(result as VPromise, (value, rejected) => function* () { finish(value, rejected); });
      else finish(result, false);
    })();
  }

  function submitJob(pool: Pool, fn: unknown, args: unknown[], line: number): VPromise {
    if (pool.closing) throw new Error('Cannot submit on a closed Pool.');
    if (rc.idOf(fn) === undefined) throw new TypeError(`Line ${line}: a Pool needs a function written in the snippet (got ${show(fn)}).`);
    const { promise, resolve, reject } = P.withResolvers();
    pool.queue.push({ fn, args: args.map((a) => clone(a, line)), line, resolve, reject, owner: session.exec.current, clock: release() });
    if (pool.lanes.length < Math.min(pool.size, pool.queue.length + pool.running)) poolWorker(pool);
    return promise;
  }

  install(Pool, {
    *submit(pool: Pool, fn: unknown, ...args: unknown[]) {
      const line = lineNow();
      return yield rc.op(line, `submit ${functionName(fn, rc.functions)} to the pool`, () => submitJob(pool, fn, args, line));
    },
    *map(pool: Pool, fn: unknown, items: Iterable<unknown>) {
      const line = lineNow();
      return yield rc.op(line, `map ${functionName(fn, rc.functions)} over the pool`, () =>
        P.all([...items].map((item, index) => submitJob(pool, fn, [item, index], line))),
      );
    },
    *close(pool: Pool) {
      const { promise, resolve } = P.withResolvers();
      pool.closing = true;
      wakeUp('the pool has finished its jobs', () => pool.queue.length === 0 && pool.running === 0, () => {
        for (const lane of pool.lanes) {
          acquire(session.exec.hb.clockOf(lane.index));
          lane.finished = true;
          lane.events.length = 0;
        }
        resolve();
      }, () => 'the pool to finish its jobs');
      return promise;
    },
  });

  // ---- time ----

  const sleep = (ms: unknown) => {
    const { promise, resolve } = P.withResolvers();
    const delay = Math.max(0, Number(ms) || 0);
    const line = lineNow();
    session.exec.current.events.push({
      seq: session.exec.nextSeq(),
      text: `sleep(${delay}) set at line ${line} ends`,
      line,
      deadline: session.exec.clock + delay,
      enabled: () => true,
      waitsFor: () => 'a timer',
      fire: () => resolve(),
    });
    return promise;
  };

  const sleepSync = rc.k(
    function* sleepSync(ms: unknown): Gen {
      const delay = Math.max(0, Number(ms) || 0);
      return yield rc.op(lineNow(), `sleepSync(${delay}) ends`, () => void (session.exec.clock += delay), { expiry: () => true });
    },
    false,
    0,
  );

  const exports: Record<(typeof RACECOURSE_NAMES)[number], unknown> = {
    spawn,
    Task,
    Pool,
    Mutex,
    Semaphore,
    Channel,
    sleep,
    sleepSync,
    busy: (ms: number) => Number(ms) || 0,
    compute: (ms: number) => Number(ms) || 0,
    cores: EXPLORED_CORES,
    now: () => session.exec.clock,
    exploring: true,
    TerminatedError,
    WorkerLimitError,
  };
  /** Starts the names of a new execution (worker-1, mutex #1 …). */
  function reset(): void {
    counters.clear();
    nextWorker = 1;
  }
  return { exports, Mutex, Semaphore, Channel, reset };
}

export type Racecourse = ReturnType<typeof makeRacecourse>;
