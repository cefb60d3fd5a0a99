import { LEARNER_ATOMICS, snippetLocation } from '../core/stack-map.ts';
import type { WorkerContext } from '../core/context.ts';
import { SPIN_BOARD, SPIN_SAMPLE, cellName } from './spin-site.ts';

/**
 * The `Atomics` the learner's code sees, so the hub can tell a lane that
 * spins without progress (hub/spin-watch.ts): `load`, `compareExchange` and
 * `exchange` (the reads a spin loop repeats) remember the last cell read and
 * the value seen. Everything else is the platform's `Atomics` (through the
 * prototype, so the wrapped `Atomics.wait` of wrap-globals.ts too).
 *
 * The runtime's own code keeps the global `Atomics`, so a Mutex's spins and
 * the event ring never count: this object shadows the global only in the
 * learner's code (the main module declares `Atomics` on its line 1,
 * core/stack-map.ts START_MARKER; a spawned function is rebuilt inside a
 * function whose parameter is `Atomics`, core/function-source.ts).
 *
 * Cost: a read that sees another cell or value than the last one costs three
 * comparisons and three stores in local variables. A read that sees the same
 * cell and value again counts; every SPIN_SAMPLE such reads in a row it beats
 * the lane's spin board (two Int32 cells in shared memory the hub reads), and
 * on the first beat of a streak it takes one stack (the line) and writes one
 * `spin` record: a spinner pays a stack per streak, a program that makes
 * progress pays nothing but the comparisons.
 */

type Cells = Int32Array | BigInt64Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | BigUint64Array;
type Read = (array: Cells, index: number, ...rest: never[]) => number | bigint;

export function installLearnerAtomics(ctx: WorkerContext): void {
  const board = new Int32Array(new SharedArrayBuffer(SPIN_BOARD.bytes));
  ctx.send({ type: 'spin-board', sab: board.buffer });
  let lastArray: unknown = null;
  let lastIndex: unknown = -1;
  let lastValue: unknown = undefined;
  let same = 0;
  let streaks = 0;

  const beat = (op: string, index: unknown) => {
    if (same === SPIN_SAMPLE) {
      // The first beat of a streak: where the loop is, once.
      const where = snippetLocation(ctx.mapStack(new Error().stack ?? ''));
      const text = where ? (ctx.snippet.split('\n')[where.line - 1] ?? '') : '';
      streaks++;
      ctx.emit({ k: 'spin', t: ctx.now(), streak: streaks, cell: cellName(text, op, index), ...(where ? { line: where.line } : {}) });
      Atomics.store(board, SPIN_BOARD.streak, streaks);
    }
    board[SPIN_BOARD.beat] = (board[SPIN_BOARD.beat]! + 1) | 0;
  };
  const seen = (op: string, array: unknown, index: unknown, value: unknown) => {
    if (value === lastValue && index === lastIndex && array === lastArray) {
      if ((++same & (SPIN_SAMPLE - 1)) === 0) beat(op, index);
      return;
    }
    if (same >= SPIN_SAMPLE) Atomics.store(board, SPIN_BOARD.streak, 0);
    lastArray = array;
    lastIndex = index;
    lastValue = value;
    same = 0;
  };

  const platform = Atomics as unknown as Record<string, Read>;
  const load = platform.load!;
  const compareExchange = platform.compareExchange!;
  const exchange = platform.exchange!;
  const learner = Object.create(Atomics, {
    load: {
      value: function load_(array: Cells, index: number): number | bigint {
        const value = load(array, index);
        seen('load', array, index, value);
        return value;
      },
      writable: true,
      configurable: true,
    },
    compareExchange: {
      value: function compareExchange_(array: Cells, index: number, expected: never, replacement: never): number | bigint {
        const value = compareExchange(array, index, expected, replacement);
        seen('compareExchange', array, index, value);
        return value;
      },
      writable: true,
      configurable: true,
    },
    exchange: {
      value: function exchange_(array: Cells, index: number, replacement: never): number | bigint {
        const value = exchange(array, index, replacement);
        seen('exchange', array, index, value);
        return value;
      },
      writable: true,
      configurable: true,
    },
  }) as typeof Atomics;
  (globalThis as unknown as Record<symbol, unknown>)[LEARNER_ATOMICS] = learner;
}
