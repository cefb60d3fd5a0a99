/**
 * Promises whose reactions run on their lane's own microtask queue. Every
 * lane of an explored execution shares one real agent, so the real microtask
 * queue would mix the lanes' jobs outside the scheduler's control; inside an
 * execution, `Promise` is this class. Ordering within a lane follows the
 * language: reactions run first in, first out, and each `await` takes a
 * microtask turn (adopting a promise takes two, as the specification does).
 */

export type Job = () => Generator<unknown, unknown, unknown>;

/** What a promise needs from its execution: the lane that is running, and a way to queue a job on a lane. */
export interface MicrotaskHost {
  currentQueue(): Job[];
  /** Calls a function of the snippet (a generator if it is one of the snippet's). */
  call(fn: unknown, args: unknown[]): Generator<unknown, unknown, unknown>;
  /** A native promise reached the snippet's code: the explorer cannot order it. */
  foreignPromise(): never;
}

type Settle = (value: unknown, rejected: boolean) => Job;

interface Reaction {
  queue: Job[];
  settle: Settle;
}

export function makePromiseClass(host: MicrotaskHost) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type parameter lets `Promise<T>` in snippets' types read naturally
  class VPromise<_T = unknown> {
    #state: 'pending' | 'fulfilled' | 'rejected' = 'pending';
    #value: unknown;
    #reactions: Reaction[] = [];

    constructor(executor: (resolve: (value?: unknown) => void, reject: (reason?: unknown) => void) => void) {
      if (typeof executor !== 'function') throw new TypeError(`Promise resolver ${String(executor)} is not a function`);
      const [resolve, reject] = this.#resolvers();
      try {
        executor(resolve, reject);
      } catch (error) {
        reject(error);
      }
    }

    #resolvers(): [(value?: unknown) => void, (reason?: unknown) => void] {
      let done = false;
      return [
        (value) => {
          if (done) return;
          done = true;
          this.#resolve(value);
        },
        (reason) => {
          if (done) return;
          done = true;
          this.#settle(reason, true);
        },
      ];
    }

    #resolve(value: unknown): void {
      if (value === this) return this.#settle(new TypeError('Chaining cycle detected for promise'), true);
      if (value instanceof Promise) host.foreignPromise();
      if (value instanceof VPromise) {
        // The specification's NewPromiseResolveThenableJob: one turn to call then, one for the reaction.
        const settle = (v: unknown, rejected: boolean) => this.#settle(v, rejected);
        const queue = host.currentQueue();
        queue.push(function* () {
          value.#react(queue, (v, rejected) =>
            function* () {
              settle(v, rejected);
            },
          );
        });
        return;
      }
      if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
        let then: unknown;
        try {
          then = (value as { then?: unknown }).then;
        } catch (error) {
          return this.#settle(error, true);
        }
        if (typeof then === 'function') {
          const [resolve, reject] = this.#resolvers();
          host.currentQueue().push(function* () {
            try {
              yield* host.call(then.bind(value), [resolve, reject]);
            } catch (error) {
              reject(error);
            }
          });
          return;
        }
      }
      this.#settle(value, false);
    }

    #settle(value: unknown, rejected: boolean): void {
      if (this.#state !== 'pending') return;
      this.#state = rejected ? 'rejected' : 'fulfilled';
      this.#value = value;
      for (const reaction of this.#reactions) reaction.queue.push(reaction.settle(value, rejected));
      this.#reactions = [];
    }

    /** Registers `settle` to run on `queue` once this promise settles. */
    #react(queue: Job[], settle: Settle): void {
      if (this.#state === 'pending') this.#reactions.push({ queue, settle });
      else queue.push(settle(this.#value, this.#state === 'rejected'));
    }

    /** For the explorer: runs `settle` on the current lane once this settles. */
    static whenSettled(promise: VPromise, settle: Settle): void {
      promise.#react(host.currentQueue(), settle);
    }

    /** For the explorer's models: a promise and the functions that settle it. */
    static withResolvers<T>(): { promise: VPromise<T>; resolve: (value?: unknown) => void; reject: (reason?: unknown) => void } {
      let resolve!: (value?: unknown) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new VPromise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    }

    /** For the explorer: settled state, for reports. */
    static stateOf(promise: VPromise): { state: 'pending' | 'fulfilled' | 'rejected'; value: unknown } {
      return { state: promise.#state, value: promise.#value };
    }

    then(onFulfilled?: unknown, onRejected?: unknown): VPromise {
      const { promise, resolve, reject } = VPromise.withResolvers();
      this.#react(host.currentQueue(), (value, rejected) =>
        function* () {
          const handler = rejected ? onRejected : onFulfilled;
          if (typeof handler !== 'function') return rejected ? reject(value) : resolve(value);
          try {
            resolve(yield* host.call(handler, [value]));
          } catch (error) {
            reject(error);
          }
        },
      );
      return promise;
    }

    catch(onRejected?: unknown): VPromise {
      return this.then(undefined, onRejected);
    }

    finally(onFinally?: unknown): VPromise {
      if (typeof onFinally !== 'function') return this.then(onFinally, onFinally);
      const { promise, resolve, reject } = VPromise.withResolvers();
      this.#react(host.currentQueue(), (value, rejected) =>
        function* () {
          try {
            const result = yield* host.call(onFinally, []);
            if (result instanceof VPromise) {
              VPromise.whenSettled(result, (v, r) =>
                function* () {
                  if (r) reject(v);
                  else if (rejected) reject(value);
                  else resolve(value);
                },
              );
              return;
            }
          } catch (error) {
            return reject(error);
          }
          if (rejected) reject(value);
          else resolve(value);
        },
      );
      return promise;
    }

    static resolve(value?: unknown): VPromise {
      if (value instanceof VPromise) return value;
      return new VPromise((resolve) => resolve(value));
    }

    static reject(reason?: unknown): VPromise {
      return new VPromise((_, reject) => reject(reason));
    }

    static all(items: Iterable<unknown>): VPromise {
      return VPromise.#combine(items, 'all');
    }

    static allSettled(items: Iterable<unknown>): VPromise {
      return VPromise.#combine(items, 'allSettled');
    }

    static any(items: Iterable<unknown>): VPromise {
      return VPromise.#combine(items, 'any');
    }

    static race(items: Iterable<unknown>): VPromise {
      const { promise, resolve, reject } = VPromise.withResolvers();
      for (const item of items) VPromise.resolve(item).then(resolve, reject);
      return promise;
    }

    static #combine(items: Iterable<unknown>, kind: 'all' | 'allSettled' | 'any'): VPromise {
      const { promise, resolve, reject } = VPromise.withResolvers();
      const list = [...items];
      const results: unknown[] = new Array(list.length);
      let left = list.length;
      if (left === 0) {
        if (kind === 'any') reject(new AggregateError([], 'All promises were rejected'));
        else resolve(results);
        return promise;
      }
      list.forEach((item, index) => {
        const done = (value: unknown) => {
          results[index] = value;
          if (--left === 0) {
            if (kind === 'any') reject(new AggregateError(results, 'All promises were rejected'));
            else resolve(results);
          }
        };
        VPromise.resolve(item).then(
          (value: unknown) => {
            if (kind === 'any') resolve(value);
            else done(kind === 'allSettled' ? { status: 'fulfilled', value } : value);
          },
          (reason: unknown) => {
            if (kind === 'all') reject(reason);
            else done(kind === 'allSettled' ? { status: 'rejected', reason } : reason);
          },
        );
      });
      return promise;
    }

    get [Symbol.toStringTag](): string {
      return 'Promise';
    }
  }
  return VPromise;
}

export type VPromiseClass = ReturnType<typeof makePromiseClass>;
export type VPromise = InstanceType<VPromiseClass>;
