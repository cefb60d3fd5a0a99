import type { FnSource } from '../../shared/protocol/index.ts';
import { SNIPPET_FILE, locate } from './stack-map.ts';
import type { FunctionHome } from './errors.ts';

/**
 * A function given to spawn() or a Pool travels as its source text. Here it
 * is described on the sending side (where in the snippet it sits) and
 * rebuilt on the receiving side, padded so that it stands at the same line
 * and column: stack traces of the task then point into the snippet.
 */

type AnyFunction = (...args: never[]) => unknown;

export function describeFunction(fn: unknown, snippet: string, home: FunctionHome): FnSource {
  const caller = home === 'spawn' ? 'spawn()' : 'A Pool';
  if (typeof fn !== 'function')
    throw new TypeError(`${caller} needs a function as its first argument (got ${fn === null ? 'null' : typeof fn}).`);
  const source = Function.prototype.toString.call(fn);
  if (/\{\s*\[native code\]\s*\}$/.test(source))
    throw new TypeError(
      `${caller} needs a function written in the snippet; ${(fn as AnyFunction).name || 'this function'} is built in or bound, ` +
        'so there is no source to send to another worker. Wrap it: (x) => fn(x).',
    );
  const where = locate(snippet, source) ?? { line: 1, column: 0 };
  return { source, line: where.line, column: where.column };
}

const compiled = new Map<string, AnyFunction>();

/** The function again, in this worker's global scope (so it sees only globals). */
export function compileFunction(fn: FnSource): AnyFunction {
  const key = `${fn.line}:${fn.column}:${fn.source}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  let result: unknown;
  try {
    result = evaluate(withAtomics(fn, pad(fn, 1) + '(' + fn.source + '\n)'));
  } catch (error) {
    // Method shorthand (`work(x) { … }`) is not an expression on its own.
    if (!(error instanceof SyntaxError)) throw error;
    const holder = evaluate(withAtomics(fn, pad(fn, 2) + '({' + fn.source + '\n})')) as Record<string, unknown>;
    result = Object.values(holder)[0] ?? Object.getOwnPropertyNames(holder).map((k) => holder[k])[0];
  }
  if (typeof result !== 'function') throw new TypeError('The function sent to this worker could not be rebuilt.');
  compiled.set(key, result as AnyFunction);
  return result as AnyFunction;
}

/** Newlines and spaces so the code after `opener` characters starts at fn.line / fn.column. */
function pad(fn: FnSource, opener: number): string {
  if (fn.line <= 1) return ' '.repeat(Math.max(0, fn.column - opener));
  return '\n'.repeat(fn.line - 1) + ' '.repeat(Math.max(0, fn.column - opener));
}

/**
 * The function sees the learner's `Atomics` (worker/learner-atomics.ts), not
 * the runtime's: it is rebuilt inside a function with an `Atomics`
 * parameter. The opening goes on line 1, above the function, so only a
 * function that starts on line 1 of the snippet (no room above) goes
 * without: its spins are not watched.
 */
function withAtomics(fn: FnSource, expression: string): string {
  if (fn.line <= 1) return expression;
  return `(function (Atomics) { return (${expression})})(globalThis[Symbol.for('racecourse.atomics')] ?? globalThis.Atomics)`;
}

function evaluate(code: string): unknown {
  // Indirect eval: global scope, no access to this module's variables.
  const indirect = eval;
  return indirect(`${code}\n//# sourceURL=${SNIPPET_FILE}`);
}
