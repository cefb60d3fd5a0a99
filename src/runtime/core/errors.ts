import type { ErrorInfo, RunErrorInfo } from '../../shared/protocol/index.ts';
import { inspect } from './format.ts';
import { snippetLocation } from './stack-map.ts';

/**
 * Errors crossing workers, and the plain-words explanations the course
 * promises for the two classic mistakes of the worker world: a closure
 * (the function's source travels, its surroundings do not) and a value that
 * cannot be copied.
 */

/** Rejection of `join()` after `terminate()`. */
export class TerminatedError extends Error {
  override name = 'TerminatedError';
}

/** `spawn` beyond the run's limit of live workers. */
export class WorkerLimitError extends Error {
  override name = 'WorkerLimitError';
}

export type FunctionHome = 'spawn' | 'pool';

export function closureExplanation(home: FunctionHome): string {
  const who = home === 'spawn' ? 'Functions passed to spawn()' : 'Functions given to a Pool';
  const how = home === 'spawn' ? 'spawn(fn, value)' : 'pool.submit(fn, value) or pool.map(fn, items)';
  return (
    `${who} run in another worker: only their source is sent there, so they cannot use the variables ` +
    'of the code around them. They see their arguments, the worker\'s globals and the exports of "racecourse". ' +
    `Pass what the function needs as an argument: ${how}.`
  );
}

export function cloneExplanation(what: string): string {
  return (
    `${what} are copied into the other worker (structured clone). Functions, and objects that hold ` +
    'functions, cannot be copied; class instances arrive as plain objects without their methods. ' +
    'Pass plain data, a SharedArrayBuffer, or a Mutex, Semaphore or Channel.'
  );
}

/** Adds the closure explanation to a ReferenceError thrown by a spawned function. */
export function explainClosure(error: unknown, home: FunctionHome): unknown {
  if (error instanceof ReferenceError && !error.message.includes('run in another worker')) {
    const original = error.message;
    error.message = `${original}. ${closureExplanation(home)}`;
    if (typeof error.stack === 'string') error.stack = error.stack.replace(original, error.message);
  }
  return error;
}

/** In the snippet itself: a runtime name used without importing it. */
export function explainMissingImport(error: unknown, exportNames: readonly string[]): unknown {
  const match = error instanceof ReferenceError ? /^(\w+) is not defined$/.exec(error.message) : null;
  const name = match?.[1];
  if (error instanceof ReferenceError && name && exportNames.includes(name)) {
    const original = error.message;
    error.message = `${original}. Did you mean to import it? import { ${name} } from "racecourse";`;
    if (typeof error.stack === 'string') error.stack = error.stack.replace(original, error.message);
  }
  return error;
}

/** Adds a hint when a method went missing because its object was cloned. */
export function explainMissingMethod(error: unknown): unknown {
  if (error instanceof TypeError && / is not a function$/.test(error.message)) {
    const original = error.message;
    error.message = `${original} (if it is a method of an object passed from another worker: copied objects keep their data, not their methods)`;
    if (typeof error.stack === 'string') error.stack = error.stack.replace(original, error.message);
  }
  return error;
}

/** Turns the browser's DataCloneError into one that says what happened, same name. */
export function explainCloneError(error: unknown, what: string): unknown {
  if (error instanceof Error && error.name === 'DataCloneError') {
    return new DOMException(`${error.message} ${cloneExplanation(what)}`, 'DataCloneError');
  }
  return error;
}

export function toErrorInfo(error: unknown, mapStack: (stack: string) => string): ErrorInfo {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error && 'name' in error)) {
    const e = error as Error;
    const name = String(e.name);
    const message = String(e.message);
    const raw = typeof e.stack === 'string' ? e.stack : `${name}: ${message}`;
    const mapped = mapStack(raw);
    // Keep the headline in sync with name/message (they may have been changed after creation).
    const frames = mapped.split('\n').filter((line) => /^\s+at /.test(line));
    const stack = [`${name}: ${message}`, ...frames].join('\n');
    const where = snippetLocation(stack);
    return { name, message, stack, ...(where ? { line: where.line, column: where.column } : {}) };
  }
  const message = inspect(error);
  return { name: 'Error', message: `Uncaught ${message}`, stack: `Uncaught ${message}` };
}

const BUILT_IN: Record<string, ErrorConstructor> = {
  Error,
  TypeError,
  RangeError,
  ReferenceError,
  SyntaxError,
  EvalError,
  URIError,
};

/** Rebuilds an error on the receiving side: same name, message and stack. */
export function fromErrorInfo(info: ErrorInfo, task: string): Error {
  const Ctor = BUILT_IN[info.name];
  const error = info.name === 'TerminatedError' ? new TerminatedError(info.message) : new (Ctor ?? Error)(info.message);
  if (!Ctor) Object.defineProperty(error, 'name', { value: info.name, configurable: true, writable: true });
  error.stack = `${info.stack}\n    at (in ${task})`;
  return error;
}

/** One line for the output: `Uncaught TypeError: boom (line 4, in worker-1)`. */
export function describeUncaught(info: ErrorInfo, task: string, prefix = 'Uncaught'): RunErrorInfo & { text: string } {
  const where = info.line !== undefined ? `line ${info.line}, ` : '';
  const head = info.message.startsWith('Uncaught ') ? info.message : `${prefix} ${info.name}: ${info.message}`;
  const message = `${head} (${where}in ${task})`;
  const frames = info.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return {
    kind: 'uncaught',
    message,
    task,
    ...(info.line !== undefined ? { line: info.line } : {}),
    ...(info.column !== undefined ? { column: info.column } : {}),
    text: [message, ...frames].join('\n'),
  };
}
