import {
  describeProblem,
  parseSpawnerToTask,
  parseTaskInit,
  type ErrorInfo,
  type JobOutcome,
  type TaskInit,
  type TaskToSpawner,
  typedPort,
} from '../../shared/protocol/index.ts';
import { explainClosure, explainCloneError, explainMissingMethod, toErrorInfo, type FunctionHome } from '../core/errors.ts';
import { compileFunction } from '../core/function-source.ts';
import { racecourseExports } from '../racecourse/exports-table.ts';
import { useRunCores } from '../racecourse/time.ts';
import { pack, unpack } from '../core/transfer.ts';
import { installConsole } from './console-capture.ts';
import { installContext, type WorkerContext } from '../core/context.ts';
import { recordMessage } from '../core/messages.ts';
import { installErrorHandlers, wrapGlobals } from './wrap-globals.ts';

/**
 * A task or pool worker. Started by the hub; its first message says who it
 * is and what to run. The racecourse exports become globals here, and the
 * global `postMessage`/`onmessage` talk to whoever spawned the task.
 */

const scope = globalThis as unknown as Record<string, unknown> & {
  onmessage: ((event: MessageEvent) => void) | null;
};

scope.onmessage = (event: MessageEvent) => {
  scope.onmessage = null;
  const parsed = parseTaskInit(event.data);
  if (!parsed.ok) throw new Error(describeProblem(parsed.problem));
  start(parsed.value);
};

function start(init: TaskInit): void {
  const home: FunctionHome = init.pool ? 'pool' : 'spawn';
  const ctx = installContext({
    runId: init.runId,
    id: init.id,
    name: init.name,
    control: init.control,
    ring: init.ring,
    hubPort: init.hubPort,
    snippet: init.snippet,
    pageUrl: init.pageUrl,
    pool: init.pool > 0,
    environment: init.environment,
  });
  useRunCores(init.environment.cores);
  installConsole(ctx);
  wrapGlobals(ctx);
  installErrorHandlers(ctx, home);
  for (const [name, value] of Object.entries(racecourseExports())) scope[name] = value;
  if (init.pool) {
    servePool(ctx, init.spawnerPort);
  } else {
    const messaging = connectMessaging(ctx, init.spawnerPort);
    void runTask(ctx, init, messaging);
  }
}

function errorInfo(ctx: WorkerContext, error: unknown, home: FunctionHome): ErrorInfo {
  return toErrorInfo(explainMissingMethod(explainClosure(error, home)), (stack) => ctx.mapStack(stack));
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

async function runTask(ctx: WorkerContext, init: TaskInit, messaging: { listening(): boolean }): Promise<void> {
  ctx.emit({ k: 'phase', t: ctx.now(), phase: 'started' });
  ctx.meter.touch();
  let result: { ok: true; value: unknown } | { ok: false; error: ErrorInfo };
  try {
    if (!init.fn) throw new Error('No function to run.');
    const fn = compileFunction(init.fn);
    let value: unknown = fn(...(unpack(init.args) as never[]));
    if (isThenable(value)) value = await value;
    result = { ok: true, value };
  } catch (error) {
    result = { ok: false, error: errorInfo(ctx, error, 'spawn') };
  }
  const keepAlive = messaging.listening();
  // Free the slot before the spawner hears of the result: it may spawn again at once.
  if (!keepAlive && ctx.control.markEnded(ctx.id)) ctx.control.releaseWorker();
  ctx.emit({
    k: 'phase',
    t: ctx.now(),
    phase: result.ok ? 'finished' : 'failed',
    ...(result.ok ? {} : { error: `${result.error.name}: ${result.error.message}` }),
  });
  ctx.meter.finish();
  const spawner = typedPort<TaskToSpawner>(init.spawnerPort);
  if (result.ok) {
    try {
      spawner.send({ type: 'result', ok: true, value: pack(result.value) });
    } catch (error) {
      const explained = explainCloneError(error, 'Return values of spawned functions');
      spawner.send({ type: 'result', ok: false, error: errorInfo(ctx, explained, 'spawn') });
    }
  } else {
    spawner.send({ type: 'result', ok: false, error: result.error });
  }
  ctx.flushOverflow();
  ctx.send({ type: 'task-end', id: ctx.id, keepAlive });
}

/**
 * The global postMessage / onmessage / addEventListener('message') of a task.
 * Its message events carry `data` and the transferred `ports`, as a Worker's
 * do; a message that cannot be deserialised fires the global `messageerror`.
 */
function connectMessaging(ctx: WorkerContext, port: MessagePort): { listening(): boolean } {
  const target = new EventTarget();
  let handler: ((event: MessageEvent) => unknown) | null = null;
  let listening = false;
  const listen = () => {
    if (listening) return;
    listening = true;
    // Starting the port delivers what the spawner sent before anyone listened.
    port.onmessage = (event: MessageEvent) => {
      ctx.meter.touch();
      const parsed = parseSpawnerToTask(event.data);
      if (!parsed.ok || parsed.value.type !== 'message') {
        ctx.emit({ k: 'console', t: ctx.now(), stream: 'system', text: describeProblem(parsed.ok ? 'unexpected job' : parsed.problem) });
        return;
      }
      recordMessage(ctx, parsed.value.from, parsed.value.sent, 'postMessage');
      const message = new MessageEvent('message', { data: unpack(parsed.value.data), ports: [...event.ports] });
      handler?.call(globalThis, message);
      target.dispatchEvent(message);
    };
    port.onmessageerror = () => {
      ctx.meter.touch();
      globalThis.dispatchEvent(new MessageEvent('messageerror'));
    };
  };
  Object.defineProperty(globalThis, 'onmessage', {
    configurable: true,
    get: () => handler,
    set: (value: unknown) => {
      handler = typeof value === 'function' ? (value as (event: MessageEvent) => unknown) : null;
      if (handler) listen();
    },
  });
  const addListener = globalThis.addEventListener.bind(globalThis) as (...args: unknown[]) => void;
  const removeListener = globalThis.removeEventListener.bind(globalThis) as (...args: unknown[]) => void;
  scope.addEventListener = (type: unknown, listener: unknown, options?: unknown) => {
    if (type !== 'message') return addListener(type, listener, options);
    target.addEventListener('message', listener as EventListener, options as AddEventListenerOptions);
    listen();
  };
  scope.removeEventListener = (type: unknown, listener: unknown, options?: unknown) => {
    if (type !== 'message') return removeListener(type, listener, options);
    target.removeEventListener('message', listener as EventListener, options as EventListenerOptions);
  };
  scope.postMessage = (message: unknown, transfer: Transferable[] = []) => {
    ctx.meter.touch();
    try {
      typedPort<TaskToSpawner>(port).send({ type: 'message', data: pack(message), from: ctx.id, sent: ctx.now() }, transfer);
    } catch (error) {
      throw explainCloneError(error, 'Messages');
    }
  };
  return { listening: () => listening };
}

/** A pool worker: runs batches of calls, one at a time, and answers each batch. */
function servePool(ctx: WorkerContext, port: MessagePort): void {
  ctx.emit({ k: 'phase', t: ctx.now(), phase: 'started' });
  scope.postMessage = () => {
    throw new Error('postMessage is not available in functions given to a Pool: return a value instead.');
  };
  port.onmessage = async (event: MessageEvent) => {
    ctx.meter.touch();
    const parsed = parseSpawnerToTask(event.data);
    if (!parsed.ok || parsed.value.type !== 'job') {
      ctx.emit({ k: 'console', t: ctx.now(), stream: 'system', text: describeProblem(parsed.ok ? 'unexpected message' : parsed.problem) });
      return;
    }
    const job = parsed.value;
    recordMessage(ctx, job.from, job.sent, 'job');
    const results: JobOutcome[] = [];
    let fn: ((...args: never[]) => unknown) | null = null;
    try {
      fn = compileFunction(job.fn);
    } catch (error) {
      const info = errorInfo(ctx, error, 'pool');
      for (let i = 0; i < job.calls.length; i++) results.push({ ok: false, error: info });
    }
    if (fn) {
      for (const args of job.calls) {
        try {
          let value: unknown = fn(...(unpack(args) as never[]));
          if (isThenable(value)) value = await value;
          results.push({ ok: true, value: pack(value) });
        } catch (error) {
          results.push({ ok: false, error: errorInfo(ctx, error, 'pool') });
        }
      }
    }
    try {
      typedPort<TaskToSpawner>(port).send({ type: 'job-result', jobId: job.jobId, results, from: ctx.id, sent: ctx.now() });
    } catch {
      // Some value cannot be copied back: find which, and say why, call by call.
      const checked = results.map((outcome): JobOutcome => {
        if (!outcome.ok) return outcome;
        try {
          structuredClone(outcome.value);
          return outcome;
        } catch (error) {
          return { ok: false, error: errorInfo(ctx, explainCloneError(error, 'Return values of Pool functions'), 'pool') };
        }
      });
      typedPort<TaskToSpawner>(port).send({ type: 'job-result', jobId: job.jobId, results: checked, from: ctx.id, sent: ctx.now() });
    }
  };
}
