import { LIMITS, parseTaskToSpawner, describeProblem, typedPort, type ErrorInfo, type SpawnerToTask } from '../../shared/protocol/index.ts';
import { context, type WorkerContext } from '../core/context.ts';
import {
  TerminatedError,
  WorkerLimitError,
  describeUncaught,
  explainCloneError,
  fromErrorInfo,
} from '../core/errors.ts';
import { describeFunction } from '../core/function-source.ts';
import { assertCloneable, pack, unpack } from '../core/transfer.ts';
import { recordMessage } from '../core/messages.ts';

/**
 * spawn() and the Task it returns. The request goes to the hub, a worker
 * whose event loop never runs learner code, which starts the task's worker;
 * so a spawner that blocks right after spawning cannot starve its task of
 * its start message. Task and spawner talk over their own MessageChannel,
 * whose far end travels with the request. A message event carries what a
 * Worker's does: `data` and the transferred `ports` (`origin` and
 * `lastEventId` are '' and `source` null there too); a message that cannot be
 * deserialised fires `messageerror`.
 */

type Outcome = { ok: true; value: unknown } | { ok: false; error: Error; info?: ErrorInfo; terminated: boolean };

export class Task<T = unknown> extends EventTarget {
  /** 1, 2, … in spawn order within the run. */
  readonly id: number;
  /** `worker-1`, `worker-2`, … */
  readonly name: string;
  private readonly port: MessagePort;
  private readonly ctx: WorkerContext;
  private outcome: Outcome | null = null;
  private joined = false;
  private reportedUnjoined = false;
  private readonly waiters: { resolve: (v: T) => void; reject: (e: unknown) => void; done: () => void }[] = [];
  private handler: ((event: MessageEvent) => unknown) | null = null;
  private readonly early: MessageEvent[] = [];
  /** Called when a message from the task cannot be deserialised, as `Worker.onmessageerror`. */
  onmessageerror: ((event: MessageEvent) => unknown) | null = null;

  /** @internal Use spawn(). */
  constructor(ctx: WorkerContext, id: number, port: MessagePort) {
    super();
    this.ctx = ctx;
    this.id = id;
    this.name = `worker-${id}`;
    this.port = port;
    port.onmessage = (event: MessageEvent) => this.receive(event);
    port.onmessageerror = () => {
      this.ctx.meter.touch();
      const event = new MessageEvent('messageerror');
      this.onmessageerror?.call(this, event);
      this.dispatchEvent(event);
    };
  }

  /** The function's return value (awaited); rejects with the error it threw. */
  join(): Promise<T> {
    this.ctx.meter.touch();
    if (!this.joined) {
      this.joined = true;
      if (this.reportedUnjoined) this.ctx.send({ type: 'failure-joined', id: this.id });
    }
    const outcome = this.outcome;
    if (outcome) return outcome.ok ? Promise.resolve(outcome.value as T) : Promise.reject(outcome.error);
    return new Promise<T>((resolve, reject) => {
      const done = this.ctx.meter.asyncWait({ kind: 'join', ref: this.id });
      this.waiters.push({ resolve, reject, done });
    });
  }

  /** Ends the task's worker at once; a pending join() rejects with TerminatedError. */
  terminate(): void {
    this.ctx.meter.touch();
    if (!this.outcome) {
      const error = new TerminatedError(`${this.name} was terminated before it finished.`);
      this.settle({ ok: false, error, terminated: true });
    }
    if (this.ctx.control.markEnded(this.id)) this.ctx.control.releaseWorker();
    this.ctx.send({ type: 'terminate', id: this.id, t: this.ctx.now(), reason: 'terminate' });
  }

  /** Sends a message to the task; inside the task it arrives at the global `onmessage`. */
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.ctx.meter.touch();
    try {
      const stamp = { from: this.ctx.id, sent: this.ctx.now() };
      typedPort<SpawnerToTask>(this.port).send({ type: 'message', data: pack(message), ...stamp }, transfer);
    } catch (error) {
      throw explainCloneError(error, 'Messages');
    }
  }

  get onmessage(): ((event: MessageEvent) => unknown) | null {
    return this.handler;
  }

  set onmessage(handler: ((event: MessageEvent) => unknown) | null) {
    this.handler = typeof handler === 'function' ? handler : null;
    if (this.handler) for (const event of this.early.splice(0)) this.deliver(event);
  }

  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    super.addEventListener(...args);
    if (args[0] !== 'message') return;
    this.listens = true;
    for (const event of this.early.splice(0)) this.deliver(event);
  }

  private receive(received: MessageEvent): void {
    this.ctx.meter.touch();
    const parsed = parseTaskToSpawner(received.data);
    if (!parsed.ok) {
      this.ctx.emit({ k: 'console', t: this.ctx.now(), stream: 'system', text: describeProblem(parsed.problem) });
      return;
    }
    const message = parsed.value;
    if (message.type === 'message') {
      recordMessage(this.ctx, message.from, message.sent, 'postMessage');
      const event = new MessageEvent('message', { data: unpack(message.data), ports: [...received.ports] });
      if (this.handler || this.listens) this.deliver(event);
      else if (this.early.length < 10_000) this.early.push(event);
    } else if (message.type === 'result') {
      if (message.ok) this.settle({ ok: true, value: unpack(message.value) });
      else this.settle({ ok: false, error: fromErrorInfo(message.error, this.name), info: message.error, terminated: false });
    }
  }

  private listens = false;

  private deliver(event: MessageEvent): void {
    this.handler?.call(this, event);
    this.listens = true;
    this.dispatchEvent(event);
  }

  private settle(outcome: Outcome): void {
    if (this.outcome) return;
    this.outcome = outcome;
    const waiters = this.waiters.splice(0);
    for (const waiter of waiters) {
      waiter.done();
      if (outcome.ok) waiter.resolve(outcome.value as T);
      else waiter.reject(outcome.error);
    }
    if (!outcome.ok && !outcome.terminated && !this.joined && outcome.info) {
      // Not joined (yet): the run fails at its end unless someone joins it by then.
      this.reportedUnjoined = true;
      const described = describeUncaught(outcome.info, this.name, `${this.name} failed and was never joined:`);
      const { text, ...error } = described;
      this.ctx.send({ type: 'failure-unjoined', id: this.id, text, error });
    }
  }
}

/** Starts `fn(...args)` in a new worker of the run. */
export function spawn<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Task<Awaited<R>> {
  const ctx = context();
  ctx.meter.touch();
  const source = describeFunction(fn, ctx.snippet, 'spawn');
  const packed = pack(args);
  assertCloneable(packed, 'Arguments of spawn()');
  if (!ctx.control.claimWorker())
    throw new WorkerLimitError(
      `Too many workers: this run already has ${LIMITS.maxLiveWorkers} live workers, the most one run may have. ` +
        'Join or terminate some before spawning more, or use a Pool to reuse a few workers.',
    );
  const id = ctx.control.nextTaskId();
  const channel = new MessageChannel();
  try {
    ctx.send(
      {
        type: 'spawn',
        request: { id, name: `worker-${id}`, t: ctx.now(), fn: source, args: packed, port: channel.port2, pool: 0 },
      },
      [channel.port2],
    );
  } catch (error) {
    if (ctx.control.markEnded(id)) ctx.control.releaseWorker();
    channel.port1.close();
    throw explainCloneError(error, 'Arguments of spawn()');
  }
  return new Task<Awaited<R>>(ctx, id, channel.port1);
}
