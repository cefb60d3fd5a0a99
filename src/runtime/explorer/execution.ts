import type { ExploreEndState, SyncObjectView } from '../../shared/protocol/explore.ts';
import type { Job, VPromise, VPromiseClass } from './promise.ts';
import type { LockOrder, PotentialDeadlock } from '../../shared/lock-order.ts';
import { HappensBefore } from './happens-before.ts';
import { RaceCheck } from './races.ts';

/**
 * One explored execution: its lanes (main, worker-1, …) as coroutines in this
 * agent, and what a scheduler may choose at each step (design/explorer.md §1).
 *
 * A lane's code is a generator that yields an `Op` before every visible
 * operation; the lane then waits until the scheduler picks it. A step is:
 * perform the op, and run the lane on to its next op (everything in between
 * is one indivisible step). When a lane's job and microtasks are done it is
 * idle, and its next job is one of its events (a timer, a wake-up): choosing
 * which is a scheduling decision too.
 */

export type Gen = Generator<unknown, unknown, unknown>;

export interface Op {
  lane: Lane;
  line: number;
  /** In words, before it runs: "write shared[0] ← 4". */
  text: string;
  enabled(): boolean;
  /** Does it; the value goes back to the lane's code. Returns `Then` to keep the lane waiting on another op. */
  perform(): unknown;
  /** What it waits for, while it is not enabled. */
  waitsFor?(): string;
  /** What it gave back, for the story ("→ 3"). */
  result?: string;
  /** An expiry (a timed wait giving up) rather than an action. */
  expiry?(): boolean;
  /** The sync object it waits for (Step mode lists the lane among its waiters). */
  on?: object;
  /** The lock it would take (`mutex A`), for the lock order of a lane that never got it. */
  wants?: string;
}

/** Returned by `perform` when the lane must now wait on a second op (Atomics.wait: checked, now asleep). */
export class Then {
  readonly op: Op;
  constructor(op: Op) {
    this.op = op;
  }
}

export interface LaneEvent {
  seq: number;
  /** "timer set at line 4", "lock mutex A handed over". */
  text: string;
  line: number;
  enabled(): boolean;
  /** Runs the event: returns the job to run, or nothing when the event's effect is all. */
  fire(): Gen | void;
  /** Timers fire in their lane's order: (deadline, seq). */
  deadline?: number;
  /** For a deadlock report: what the lane waits for. */
  waitsFor(): string;
  /** Cancelled (clearTimeout, or it fired). */
  gone?: boolean;
  /** A pool worker waiting for its next job: not a deadlock when nothing else is left. */
  idleWait?: boolean;
  /** The sync object it waits for (Step mode lists the lane among its waiters). */
  on?: object;
  /** The lock it would take (`mutex A`), for the lock order of a lane that never got it. */
  wants?: string;
}

export class Lane {
  job: Gen | null = null;
  /** The value (or error) to resume the job with. */
  pending: Op | null = null;
  readonly microtasks: Job[] = [];
  readonly events: LaneEvent[] = [];
  /** Set when the lane's function (or main's module) has returned and it can take no more work but events. */
  finished = false;
  /** The last line this lane ran. */
  line = 0;
  /** The spin check of the loop iteration now running (runtime.ts, `ts`). */
  spinLoop = 0;
  spinReads: { buffer: ArrayBufferLike; byte: number; version: number }[] = [];
  spinWrote = false;
  spinPlain = false;
  readonly index: number;
  readonly name: string;
  constructor(index: number, name: string) {
    this.index = index;
    this.name = name;
  }

  /** The events a scheduler may choose while this lane is idle: every ready wake-up, and its first timer. */
  readyEvents(): LaneEvent[] {
    let firstTimer: LaneEvent | undefined;
    const ready: LaneEvent[] = [];
    for (const event of this.events) {
      if (event.gone) continue;
      if (event.deadline !== undefined) {
        if (!firstTimer || event.deadline < firstTimer.deadline! || (event.deadline === firstTimer.deadline && event.seq < firstTimer.seq)) firstTimer = event;
      } else if (event.enabled()) {
        ready.push(event);
      }
    }
    if (firstTimer) ready.push(firstTimer);
    return ready.sort((a, b) => a.seq - b.seq);
  }

  get idle(): boolean {
    return this.job === null && this.pending === null && this.microtasks.length === 0;
  }
}

export interface Choice {
  lane: Lane;
  /** Null: the lane's pending op. */
  event: LaneEvent | null;
}

/** A choice as a schedule names it (schedule.ts): its lane, and which of that lane's open choices (0 for its pending op). */
export function choiceIndex(choices: readonly Choice[], choice: Choice): number {
  return choice.event ? choices.filter((c) => c.lane === choice.lane).indexOf(choice) : 0;
}

export interface StepRecord {
  lane: string;
  line: number;
  op: string;
}

export interface ExecutionEnd {
  state: ExploreEndState;
  reason?: string;
  lastLine: string;
}

/** Thrown to end an execution at once (no progress, or something the explorer cannot control). */
export class Abort extends Error {
  readonly state: ExploreEndState | 'unsupported';
  readonly line: number | undefined;
  constructor(state: ExploreEndState | 'unsupported', message: string, line?: number) {
    super(message);
    this.state = state;
    this.line = line;
  }
}

/** What Step mode shows of an execution's shared state (kept only when `inspect` is on). */
export interface Inspected {
  /** Shared views in the order the snippet made or first touched them; one entry per distinct memory range. */
  views: { view: ArrayBufferView & ArrayLike<unknown>; name: string }[];
  /** Mutexes, semaphores and channels, each able to say its state. */
  syncs: { describe(): SyncObjectView }[];
}

export class Execution {
  readonly lanes: Lane[] = [];
  /** Steps taken so far. */
  stepCount = 0;
  /** Step mode: the shared state to show, or null while exploring (nothing kept, nothing slowed). */
  inspected: Inspected | null = null;
  current!: Lane;
  /** Logical time, in ms: timers move it to their deadline. */
  clock = 0;
  readonly steps: StepRecord[] = [];
  /** `step`: steps taken when it was printed. */
  readonly output: { stream: string; text: string; lane: string; step: number }[] = [];
  /** Why the execution fails, first reason wins (an assert failure does not end it). */
  failure: { state: ExploreEndState; reason: string } | null = null;
  ended: ExecutionEnd | null = null;
  /** Tasks that threw and that nobody has joined yet: a run with one left ends in error, as a real run does. */
  readonly unjoinedFailures = new Map<object, string>();
  /** Lines where a visible operation ran without a switch point (inside code a built-in called). */
  readonly uncontrolled = new Set<number>();
  /** Loop iterations since the last visible operation (a loop that never reaches one is no progress). */
  ticks = 0;
  /** When the current step began (a step that runs for seconds is no progress). */
  stepStarted = 0;
  readonly Promise: VPromiseClass;
  /** Happens-before between the lanes, and the data-race check it serves. */
  readonly hb = new HappensBefore();
  readonly races = new RaceCheck(this.hb);
  /** The order lanes take locks in (made at the first lock taken). */
  lockOrder: LockOrder | null = null;
  #seq = 0;
  #mainPromise: VPromise | null = null;

  readonly recordSteps: boolean;

  constructor(recordSteps: boolean, promise: VPromiseClass, call: (fn: unknown, args: unknown[]) => Gen) {
    this.recordSteps = recordSteps;
    this.Promise = promise;
    this.call = call;
  }

  /** Calls a function of the snippet as a generator (the runtime's call helper). */
  readonly call: (fn: unknown, args: unknown[]) => Gen;

  nextSeq(): number {
    return ++this.#seq;
  }

  /** A new lane; `parent` spawned it (so everything the parent did so far happens before it). */
  addLane(name: string, parent?: Lane): Lane {
    const lane = new Lane(this.lanes.length, name);
    this.lanes.push(lane);
    this.hb.laneAdded(lane.index, parent?.index);
    return lane;
  }

  /**
   * The lock-order cycles of this execution (src/shared/lock-order.ts). A lane
   * still waiting for a lock at the end counts as taking it: in an execution
   * that hung, that wish is the edge that closes the cycle.
   */
  potentialDeadlocks(): PotentialDeadlock[] {
    const order = this.lockOrder;
    if (!order) return [];
    for (const lane of this.lanes) {
      const waiting = lane.pending ? (lane.pending.enabled() ? undefined : lane.pending) : lane.events.find((e) => !e.gone && e.wants && !e.enabled());
      if (waiting?.wants) order.acquired(lane.name, waiting.wants, waiting.line);
    }
    return order.potentialDeadlocks();
  }

  /** Starts main: its module body, driven as an async function. */
  startMain(body: Gen, drive: (it: Gen) => Gen): void {
    const main = this.addLane('main');
    this.current = main;
    this.stepStarted = performance.now();
    const started = (promise: VPromise) => {
      this.#mainPromise = promise;
      this.Promise.whenSettled(promise, (value, rejected) => () => this.#mainSettled(main, value, rejected));
    };
    main.job = (function* () {
      started((yield* drive(body)) as VPromise);
    })();
    this.#advance(main, undefined, false);
  }

  *#mainSettled(main: Lane, value: unknown, rejected: boolean): Generator<never, void, unknown> {
    main.finished = true;
    if (rejected) this.uncaught(value);
  }

  /** Every choice a scheduler has now, in a fixed order (lane, then event). */
  choices(): Choice[] {
    const out: Choice[] = [];
    if (this.ended) return out;
    for (const lane of this.lanes) {
      if (lane.pending) {
        if (lane.pending.enabled()) out.push({ lane, event: null });
      } else if (lane.idle) {
        for (const event of lane.readyEvents()) out.push({ lane, event });
      }
    }
    return out;
  }

  /** True when choosing `choice` is an expiry (a timer, a timeout) rather than an action. */
  isExpiry(choice: Choice): boolean {
    if (choice.event) return choice.event.deadline !== undefined;
    return choice.lane.pending?.expiry?.() ?? false;
  }

  step(choice: Choice): void {
    const lane = choice.lane;
    this.stepCount++;
    this.current = lane;
    this.ticks = 0;
    this.stepStarted = performance.now();
    if (choice.event) {
      const event = choice.event;
      // Every event fires once (an interval sets its next timer when it fires).
      event.gone = true;
      lane.events.splice(lane.events.indexOf(event), 1);
      if (event.deadline !== undefined) this.clock = Math.max(this.clock, event.deadline);
      if (this.recordSteps) this.steps.push({ lane: lane.name, line: event.line, op: event.text });
      try {
        const job = event.fire();
        if (job) lane.job = job;
      } catch (error) {
        return this.#fail(error);
      }
      return this.#advance(lane, undefined, false);
    }
    const op = lane.pending!;
    lane.pending = null;
    let value: unknown;
    let threw = false;
    try {
      value = op.perform();
    } catch (error) {
      if (error instanceof Abort) return this.#fail(error);
      value = error;
      threw = true;
    }
    if (this.recordSteps) this.steps.push({ lane: lane.name, line: op.line, op: op.result ? `${op.text} ${op.result}` : op.text });
    if (value instanceof Then) {
      lane.pending = value.op;
      return;
    }
    this.#advance(lane, value, threw);
  }

  /** Runs `lane` until it yields an op or has nothing left to run. */
  #advance(lane: Lane, input: unknown, isThrow: boolean): void {
    for (;;) {
      if (!lane.job) {
        const next = lane.microtasks.shift();
        if (!next) return;
        lane.job = next();
        input = undefined;
        isThrow = false;
      }
      let result: IteratorResult<unknown, unknown>;
      try {
        result = isThrow ? lane.job.throw(input) : lane.job.next(input);
      } catch (error) {
        lane.job = null;
        if (error instanceof Abort) return this.#fail(error);
        this.uncaught(error);
        if (this.ended) return;
        continue;
      }
      if (result.done) {
        lane.job = null;
        continue;
      }
      const op = result.value as Op;
      if (!op || typeof op.enabled !== 'function') {
        lane.job = null;
        return this.#fail(new Abort('unsupported', `Line ${lane.line}: this code yields in a way the explorer cannot follow.`, lane.line));
      }
      lane.pending = op;
      return;
    }
  }

  /** An error nobody caught ends the execution, as it ends a real run. */
  uncaught(error: unknown): void {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : `Uncaught ${String(error)}`;
    this.output.push({ stream: 'error', text: `Uncaught ${text}`, lane: this.current.name, step: this.stepCount });
    this.end({ state: 'error', reason: `${this.current.name} threw at line ${this.current.line}: ${text}` });
  }

  #fail(error: unknown): void {
    if (error instanceof Abort) {
      if (error.state === 'unsupported') throw error;
      this.end({ state: error.state, reason: error.message });
    } else {
      this.uncaught(error);
    }
  }

  /** Records a failure that does not end the execution (a failed console.assert). */
  flag(state: ExploreEndState, reason: string): void {
    this.failure ??= { state, reason };
  }

  end(end: { state: ExploreEndState; reason?: string }): void {
    if (this.ended) return;
    this.ended = { ...end, lastLine: this.lastLine() };
  }

  /** The last line printed on log or info (kept even when the output is capped). */
  lastResult = '';

  lastLine(): string {
    return this.lastResult;
  }

  /** Called when no choice is left: done, or a deadlock that names what each lane waits for. */
  settle(): ExecutionEnd {
    if (this.ended) return this.ended;
    const waiting: string[] = [];
    for (const lane of this.lanes) {
      if (lane.pending) waiting.push(`${lane.name} waits at line ${lane.pending.line} for ${lane.pending.waitsFor?.() ?? lane.pending.text}`);
      else for (const event of lane.events) if (!event.gone && !event.idleWait && event.deadline === undefined) waiting.push(`${lane.name} waits at line ${event.line} for ${event.waitsFor()}`);
    }
    const main = this.#mainPromise && this.Promise.stateOf(this.#mainPromise).state;
    if (waiting.length) this.end({ state: 'deadlock', reason: `Deadlock: ${waiting.join('; ')}.` });
    else if (main === 'pending') this.end({ state: 'deadlock', reason: `Deadlock: main waits at line ${this.lanes[0]!.line} for a promise that nothing will settle.` });
    else if (this.unjoinedFailures.size) this.end({ state: 'error', reason: [...this.unjoinedFailures.values()].join(' ') });
    else this.end({ state: 'done' });
    return this.ended!;
  }
}
