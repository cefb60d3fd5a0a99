import {
  LIMITS,
  describeProblem,
  parseTaskToSpawner,
  typedPort,
  type FnSource,
  type JobOutcome,
  type SpawnerToTask,
} from '../../shared/protocol/index.ts';
import { context, type WorkerContext } from '../core/context.ts';
import { WorkerLimitError, fromErrorInfo } from '../core/errors.ts';
import { describeFunction } from '../core/function-source.ts';
import { cores } from './time.ts';
import { assertCloneable, pack, unpack } from '../core/transfer.ts';
import { recordMessage } from '../core/messages.ts';

/**
 * A fixed set of reusable workers. Work is queued here, in the worker that
 * owns the pool, and handed to a pool worker only when it is free, so never
 * more than `size` calls run at once. `map` sends its items in batches (one
 * batch per free worker at a time, items run one after another inside it),
 * which keeps 10,000 tiny tasks from costing 10,000 round trips.
 */

interface PoolWorker {
  id: number;
  name: string;
  port: MessagePort;
  busy: boolean;
}

interface Job {
  fn: FnSource;
  calls: unknown[][];
  /** Called with one outcome per call, in order. */
  settle(outcomes: JobOutcome[], worker: string): void;
  cancelled(): boolean;
}

let nextJobId = 1;

export class Pool {
  readonly size: number;
  readonly id: number;
  private readonly ctx: WorkerContext;
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Job[] = [];
  private readonly inFlight = new Map<number, { job: Job; worker: PoolWorker }>();
  private closing: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  constructor(size: number = cores) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`new Pool(size) needs a whole number of workers ≥ 1 (got ${String(size)}).`);
    this.ctx = context();
    this.ctx.meter.touch();
    this.size = size;
    this.id = this.ctx.control.nextNumber('nextObjectId');
    for (let i = 0; i < size; i++) {
      if (!this.ctx.control.claimWorker()) {
        this.endWorkers();
        throw new WorkerLimitError(
          `Too many workers: a Pool of ${size} would pass the limit of ${LIMITS.maxLiveWorkers} live workers in one run. ` +
            'Use a smaller pool, or end other workers first.',
        );
      }
      this.workers.push(this.startWorker());
    }
  }

  /** Runs `fn(...args)` on a free worker; the promise settles with its result. */
  submit<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>> {
    this.ctx.meter.touch();
    this.assertOpen('submit');
    const source = describeFunction(fn, this.ctx.snippet, 'pool');
    const packed = pack(args);
    assertCloneable(packed, 'Arguments given to a Pool');
    return this.track(
      new Promise<Awaited<R>>((resolve, reject) => {
        this.enqueue({
          fn: source,
          calls: [packed],
          settle: (outcomes, worker) => {
            const outcome = outcomes[0];
            if (!outcome) reject(new Error('Pool: a job came back without a result.'));
            else if (outcome.ok) resolve(unpack(outcome.value) as Awaited<R>);
            else reject(fromErrorInfo(outcome.error, worker));
          },
          cancelled: () => false,
        });
      }),
    );
  }

  /** `fn(item, index)` for every item, at most `size` at a time; results in input order. */
  map<T, R>(fn: (item: T, index: number) => R, items: Iterable<T>): Promise<Awaited<R>[]> {
    this.ctx.meter.touch();
    this.assertOpen('map');
    const source = describeFunction(fn, this.ctx.snippet, 'pool');
    const list = Array.from(items);
    if (list.length === 0) return Promise.resolve([]);
    const packed = pack(list);
    assertCloneable(packed, 'Items given to a Pool');
    const chunk = Math.min(256, Math.max(1, Math.ceil(list.length / (this.size * 4))));
    return this.track(
      new Promise<Awaited<R>[]>((resolve, reject) => {
        const results = new Array<Awaited<R>>(list.length);
        let remaining = list.length;
        let failed = false;
        for (let start = 0; start < list.length; start += chunk) {
          const calls = packed.slice(start, start + chunk).map((item, offset) => [item, start + offset]);
          this.enqueue({
            fn: source,
            calls,
            settle: (outcomes, worker) => {
              if (failed) return;
              for (let i = 0; i < outcomes.length; i++) {
                const outcome = outcomes[i];
                if (!outcome) continue;
                if (!outcome.ok) {
                  failed = true;
                  reject(fromErrorInfo(outcome.error, worker));
                  return;
                }
                results[start + i] = unpack(outcome.value) as Awaited<R>;
              }
              remaining -= outcomes.length;
              if (remaining === 0) resolve(results);
            },
            cancelled: () => failed,
          });
        }
      }),
    );
  }

  /** Waits for queued work, then ends the workers. */
  close(): Promise<void> {
    this.ctx.meter.touch();
    if (!this.closing) {
      this.closing = new Promise<void>((resolve) => {
        const finish = () => {
          this.endWorkers();
          resolve();
        };
        if (this.queue.length === 0 && this.inFlight.size === 0) finish();
        else this.drained = finish;
      });
      this.closing = this.track(this.closing);
    }
    return this.closing;
  }

  private assertOpen(what: string): void {
    if (this.closing) throw new Error(`Cannot ${what} on a closed Pool.`);
  }

  /** The owner's lane shows `waiting` while it awaits pool results. */
  private track<T>(promise: Promise<T>): Promise<T> {
    const done = this.ctx.meter.asyncWait({ kind: 'pool', ref: this.id });
    promise.then(done, done);
    return promise;
  }

  private startWorker(): PoolWorker {
    const id = this.ctx.control.nextTaskId();
    const name = `worker-${id}`;
    const channel = new MessageChannel();
    this.ctx.send(
      {
        type: 'spawn',
        request: { id, name, t: this.ctx.now(), args: [], port: channel.port2, pool: this.id },
      },
      [channel.port2],
    );
    const worker: PoolWorker = { id, name, port: channel.port1, busy: false };
    channel.port1.onmessage = (event: MessageEvent) => this.receive(worker, event.data);
    return worker;
  }

  private enqueue(job: Job): void {
    this.queue.push(job);
    this.dispatch();
  }

  private dispatch(): void {
    for (const worker of this.workers) {
      if (worker.busy) continue;
      let job = this.queue.shift();
      while (job && job.cancelled()) job = this.queue.shift();
      if (!job) break;
      const jobId = nextJobId++;
      worker.busy = true;
      this.inFlight.set(jobId, { job, worker });
      // A hand-off is a real message (a structured-clone copy over the worker's port), and its arrow
      // is what shows a pool at work: a batch out to each free worker, its results back. One arrow
      // per batch, as `map` sends them, not per item: that is what actually travels.
      const stamp = { from: this.ctx.id, sent: this.ctx.now() };
      typedPort<SpawnerToTask>(worker.port).send({ type: 'job', jobId, fn: job.fn, calls: job.calls, ...stamp });
    }
    if (this.drained && this.queue.length === 0 && this.inFlight.size === 0) {
      const drained = this.drained;
      this.drained = null;
      drained();
    }
  }

  private receive(worker: PoolWorker, data: unknown): void {
    this.ctx.meter.touch();
    const parsed = parseTaskToSpawner(data);
    if (!parsed.ok || parsed.value.type !== 'job-result') {
      const problem = parsed.ok ? `unexpected "${parsed.value.type}" from a pool worker` : parsed.problem;
      this.ctx.emit({ k: 'console', t: this.ctx.now(), stream: 'system', text: describeProblem(problem) });
      return;
    }
    const entry = this.inFlight.get(parsed.value.jobId);
    if (!entry) return;
    recordMessage(this.ctx, parsed.value.from, parsed.value.sent, 'result');
    this.inFlight.delete(parsed.value.jobId);
    worker.busy = false;
    entry.job.settle(parsed.value.results, worker.name);
    this.dispatch();
  }

  private endWorkers(): void {
    for (const worker of this.workers.splice(0)) {
      if (this.ctx.control.markEnded(worker.id)) this.ctx.control.releaseWorker();
      this.ctx.send({ type: 'terminate', id: worker.id, t: this.ctx.now(), reason: 'close' });
      worker.port.close();
    }
  }
}
