import {
  LIMITS,
  describeProblem,
  parseHubToMain,
  parseRunWorkerMessage,
  parseRunnerRequest,
  type HubBoot,
  type HubInit,
  type RunBoot,
  type RunEnvironment,
  type RunReport,
  type RunStart,
  typedPort,
} from '../../shared/protocol/index.ts';
import { describeUncaught, explainMissingImport, toErrorInfo } from '../core/errors.ts';
import { racecourseExports } from '../racecourse/exports-table.ts';
import { calibrateCompute } from '../racecourse/compute.ts';
import { useRunCores } from '../racecourse/time.ts';
import { installConsole } from './console-capture.ts';
import { installContext, original } from '../core/context.ts';
import { createControl } from '../core/control.ts';
import { createRingBuffer } from '../core/event-ring.ts';
import { START_MARKER } from '../core/stack-map.ts';
import { transpile } from './transpile.ts';
import { installErrorHandlers, wrapGlobals } from './wrap-globals.ts';

/**
 * The run worker: one per run, booted by the host ahead of need. At boot
 * (`run-boot`) it starts its hub (which starts the warm task workers),
 * measures `compute`'s rate and warms the transpiler, all before any run.
 * At `run-start` it transpiles the snippet, hands the hub the run and waits
 * until the hub is ready (so nothing the snippet does can keep the hub from
 * starting), then executes the snippet as a module: the snippet is the
 * `main` lane. It serves one run only: the next run gets fresh globals.
 */

const MODULE_KEY = Symbol.for('racecourse.module');
const START_KEY = Symbol.for('racecourse.start');

const scope = globalThis as unknown as Record<string | symbol, unknown> & {
  onmessage: ((event: MessageEvent) => void) | null;
};

interface Booted {
  hub: Worker;
  /** The hub failed to load: the run ends with this message. */
  hubError: string | null;
  computeRate: number;
  /** The blob: URL of the module `import … from "racecourse"` loads. */
  facade: string;
}

/** Exercises the transpiler's common paths (types, an import, a class, async code) once at boot. */
const WARM_UP_SNIPPET = `import { spawn } from "racecourse";
type Pair = { a: number; b: string };
class Box<T> { constructor(readonly value: T) {} }
async function main(xs: number[]): Promise<Pair[]> {
  const out: Pair[] = [];
  for (const x of xs) out.push({ a: x as number, b: String(new Box(x).value) });
  await Promise.all(xs.map(async (x) => x));
  return out;
}
void spawn; void main([1]);
`;

let booted: Booted | null = null;

scope.onmessage = (event: MessageEvent) => {
  const parsed = parseRunWorkerMessage(event.data);
  if (!parsed.ok) throw new Error(describeProblem(parsed.problem));
  const message = parsed.value;
  if (message.type === 'run-boot') {
    booted ??= boot(message);
    return;
  }
  scope.onmessage = null;
  if (!booted) throw new Error('A run worker must be booted before its run.');
  void run(message, booted);
};

function boot(message: RunBoot): Booted {
  // Measured first, before the hub and its task workers start booting beside it.
  const computeRate = calibrateCompute();
  const hub = new Worker(message.hub.url, { type: message.hub.type, name: 'racecourse hub' });
  const state: Booted = { hub, hubError: null, computeRate, facade: facadeUrl() };
  hub.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    state.hubError = event.message || 'hub failed to load';
  };
  typedPort<HubBoot>(hub).send({ type: 'hub-boot', task: message.task, warmTasks: message.warmTasks });
  // The transpiler's first call is many times slower than the next: make it here, not in a run.
  transpile(WARM_UP_SNIPPET, { resolve: () => 'blob:warm-up', exportsOf: () => undefined });
  return state;
}

/** A module that hands out the racecourse exports: what `import … from "racecourse"` loads. */
function facadeUrl(): string {
  const names = Object.keys(racecourseExports());
  // One line on purpose: no line of the run worker's bundle starts with `export`.
  const code =
    `const m = globalThis[Symbol.for('racecourse.module')]; ` +
    names.map((name) => `export const ${name} = m.${name};`).join(' ') +
    ' export default m;';
  return URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
}

/** `import()` of a blob: URL; the bundler must leave it alone. */
const importModule = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

async function run(start: RunStart, { hub, hubError, computeRate, facade }: Booted): Promise<void> {
  const environment: RunEnvironment = { cores: start.cores, computeRate };
  const port = start.port;
  const runner = typedPort<RunReport>(port);
  const report = (message: RunReport) => runner.send(message);
  // Until the hub takes the port over, a stop finds no tasks to end.
  port.onmessage = (event: MessageEvent) => {
    const parsed = parseRunnerRequest(event.data);
    if (parsed.ok && parsed.value.type === 'stop-run') report({ type: 'stopped', runId: start.runId });
  };
  const alive = original.setInterval(() => report({ type: 'alive', runId: start.runId }), LIMITS.aliveIntervalMs);

  useRunCores(environment.cores);
  const names = Object.keys(racecourseExports());
  const transpiled = transpile(start.code, {
    resolve: (specifier) => (specifier === 'racecourse' ? facade : null),
    exportsOf: (specifier) => (specifier === 'racecourse' ? [...names, 'default'] : undefined),
  });
  if (!transpiled.ok) {
    const result = transpiled;
    original.clearInterval(alive);
    report({
      type: 'events',
      runId: start.runId,
      events: [{ type: 'console', t: 0, task: 'runtime', stream: 'system', text: result.text }],
      droppedLines: 0,
    });
    report({ type: 'end', runId: start.runId, state: 'error', t: 0, lingering: 0, error: result.error });
    return;
  }

  const code = START_MARKER + transpiled.code;
  const control = createControl();
  const mainRing = createRingBuffer();
  const hubChannel = new MessageChannel();
  const hubFailed = (message: string) =>
    report({
      type: 'end',
      runId: start.runId,
      state: 'error',
      t: 0,
      lingering: 0,
      error: { kind: 'internal', message: `The runtime could not start: ${message}` },
    });
  if (hubError !== null) return hubFailed(hubError);
  hub.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    hubFailed(event.message || 'hub failed to load');
  };
  const ready = new Promise<void>((resolve) => {
    hubChannel.port1.onmessage = (event: MessageEvent) => {
      const parsed = parseHubToMain(event.data);
      if (parsed.ok && parsed.value.type === 'hub-ready') resolve();
    };
  });
  const init: HubInit = {
    type: 'hub-init',
    runId: start.runId,
    control,
    mainRing,
    mainPort: hubChannel.port2,
    runnerPort: port,
    snippet: code,
    pageUrl: start.pageUrl,
    deadlock: start.deadlock,
    environment,
  };
  port.onmessage = null;
  typedPort<HubInit>(hub).send(init, [hubChannel.port2, port]);
  await ready;
  // From here on the hub reports to the runner (and keeps it posted that we are alive).
  original.clearInterval(alive);

  const ctx = installContext({
    runId: start.runId,
    id: 0,
    name: 'main',
    control,
    ring: mainRing,
    hubPort: hubChannel.port1,
    snippet: code,
    pageUrl: start.pageUrl,
    pool: false,
    environment,
  });
  let moduleDone = false;
  let lastQuiet = false;
  const quiet = () =>
    moduleDone && ctx.meter.pendingWaits === 0 && ctx.meter.timers === 0 && ctx.meter.fetches === 0;
  ctx.meter.onIdle = () => {
    const now = quiet();
    if (now !== lastQuiet) {
      lastQuiet = now;
      ctx.emit({ k: 'quiet', t: ctx.now(), quiet: now });
    }
  };
  // Set before wrapGlobals(): the hub's questions are not the snippet's work.
  hubChannel.port1.onmessage = (event: MessageEvent) => {
    const parsed = parseHubToMain(event.data);
    if (parsed.ok && parsed.value.type === 'quiet-check')
      ctx.send({ type: 'quiet-reply', token: parsed.value.token, quiet: quiet() });
  };
  installConsole(ctx);
  wrapGlobals(ctx);
  installErrorHandlers(ctx, null, names);
  scope[MODULE_KEY] = racecourseExports();
  // The run's time zero is the moment the snippet's body starts (after its
  // module has loaded): a marker call at the very start of line 1.
  scope[START_KEY] = () => {
    ctx.control.startAbs = performance.timeOrigin + performance.now();
    ctx.send({ type: 'started', startAbs: ctx.control.startAbs });
    ctx.meter.touch();
  };

  const moduleUrl = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  ctx.stackMapper.snippetUrls.push(moduleUrl);
  try {
    await importModule(moduleUrl);
  } catch (error) {
    const info = toErrorInfo(explainMissingImport(error, names), (stack) => ctx.mapStack(stack));
    const { text, ...described } = describeUncaught(info, 'main');
    ctx.emit({ k: 'uncaught', t: ctx.now(), error: described, text });
    ctx.flushOverflow();
    return;
  }
  moduleDone = true;
  ctx.meter.touch();
}
