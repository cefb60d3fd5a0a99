import {
  LIMITS, describeProblem, parseRunReport, typedPort,
  type DeadlockPolicy,
  type EndState,
  type RunErrorInfo,
  type RunEvent,
  type RunResult,
  type RunTotals,
  type RunnerRequest,
  type WireEvent,
} from '../../shared/protocol/index.ts';
import { TimingAccumulator } from '../../shared/timing.ts';
import { droppedLinesNotice } from '../core/output-notices.ts';
import { EventSequencer } from './event-sequencer.ts';
import { fetchForRun } from './fetch-proxy.ts';
import { RunStream, type RunEventListener } from './run-stream.ts';
import type { RunHost } from './hosts.ts';
import { effectiveTimeLimit } from './time-limit.ts';

/**
 * The main-thread side of runs. It owns nothing but runs: each Run gets a
 * fresh run worker (in the host; booted ahead of need, see prepare), and Stop, the time limit, a new Run or the
 * run's own end finish it and everything it started. It never executes
 * learner code and never blocks: all it does is pass messages, number
 * events and keep the clock.
 */

export interface RunOptions {
  /** Overrides the snippet's `// @time-limit …` and the 10 s default. */
  timeLimitMs?: number;
  /** Every event of the run, in time order, as it happens (the same as `subscribe` at once). */
  onEvent?: RunEventListener;
  /** What a detected deadlock does: end the run as `error` (default), or only report it and wait for Stop. */
  deadlock?: DeadlockPolicy;
  /**
   * Boot the next run's workers while this run goes on, not after it: for runs
   * back to back (Run ×N), where waiting for a boot between runs would cost
   * more than the CPU the boot takes from the run.
   */
  prepareNextDuringRun?: boolean;
}

export interface RunHandle {
  readonly id: number;
  readonly timeLimitMs: number;
  /** Settles once, when the run has ended, with its end state and totals. */
  readonly done: Promise<RunResult>;
  /** Ends the run now (state `stopped`); a no-op once it has ended. */
  stop(): void;
  /** Every numbered event so far (from `run` on), then each as it happens; returns the way to unsubscribe. */
  subscribe(listener: RunEventListener): () => void;
  /** Wall / active time, workers, utilisation: current while the run goes on, final once it has ended. */
  readonly totals: RunTotals;
}

export interface Runner {
  /** Starts a run; a run still going from this runner is stopped first. */
  run(code: string, options?: RunOptions): RunHandle;
  /**
   * Gets the next run's workers (and, the first time, the runtime frame)
   * started before they are needed, so that Run answers at once. Cheap when
   * they already are; the runner also does it after every run.
   */
  prepare(): void;
  /** Stops the current run, if any. */
  stop(): void;
  /** The run in progress, or null. */
  readonly current: RunHandle | null;
}

let nextRunId = 1;

/** How long the hub has to confirm that every task is gone before the host is torn down. */
const STOP_GRACE_MS = 150;

/** The page's core count: what every worker of a run reports (a test may override it on the page). */
function pageCores(): number {
  return Math.max(1, Math.floor(navigator.hardwareConcurrency || 1));
}

/** Task workers a run keeps started ahead of need: one per core, bounded. */
function warmTasks(): number {
  return Math.min(pageCores(), LIMITS.maxWarmTasks);
}

export function createRunnerWith(host: RunHost): Runner {
  let current: Run | null = null;
  const prepare = () => void host.prepare(warmTasks()).catch(() => {});
  return {
    run(code, options = {}) {
      current?.stop();
      const run = new Run(nextRunId++, code, options, host);
      current = run;
      void run.done.then(() => {
        if (current === run) current = null;
        // After the run, not during it: booting must not compete with a run for the CPU.
        prepare();
      });
      run.launch();
      if (options.prepareNextDuringRun) prepare();
      return run;
    },
    prepare,
    stop() {
      current?.stop();
    },
    get current() {
      return current;
    },
  };
}

class Run implements RunHandle {
  readonly id: number;
  readonly timeLimitMs: number;
  readonly done: Promise<RunResult>;
  private resolve!: (result: RunResult) => void;
  private readonly code: string;
  private readonly options: RunOptions;
  private readonly host: RunHost;
  private readonly channel = new MessageChannel();
  private readonly timing = new TimingAccumulator();
  private readonly stream = new RunStream();
  private finalTotals: RunTotals | null = null;
  private readonly sequencer: EventSequencer;
  private seq = 0;
  private lastT = 0;
  private startAbs: number | null = null;
  private droppedLines = 0;
  private ended = false;
  private lastHeard = 0;
  private launchedAt = 0;
  private limitTimer: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;

  constructor(id: number, code: string, options: RunOptions, host: RunHost) {
    this.id = id;
    this.code = code;
    this.options = options;
    this.host = host;
    this.timeLimitMs = effectiveTimeLimit(code, options.timeLimitMs);
    this.done = new Promise((resolve) => (this.resolve = resolve));
    this.sequencer = new EventSequencer((events) => events.forEach((event) => this.deliver(event)));
    this.channel.port1.onmessage = (event: MessageEvent) => this.receive(event.data);
    if (options.onEvent) this.stream.subscribe(options.onEvent);
  }

  subscribe(listener: RunEventListener): () => void {
    return this.stream.subscribe(listener);
  }

  /** While running, wall time counts from Run (it moves while the run boots too); the final one from the snippet's start. */
  get totals(): RunTotals {
    return this.finalTotals ?? this.timing.totals(Math.max(this.elapsed(), performance.now() - this.launchedAt));
  }

  launch(): void {
    this.launchedAt = performance.now();
    this.publish({ type: 'run', seq: this.seq++, t: 0, runId: this.id, timeLimitMs: this.timeLimitMs });
    this.lastHeard = performance.now();
    // Until the run's first word, allow for the host and worker to boot.
    const bootDeadline = performance.now() + 20_000;
    let lastTick = performance.now();
    this.watchdog = setInterval(() => {
      const now = performance.now();
      // A tick that comes late means the page itself was starved of CPU: the run's reports may be
      // queued behind this very tick, so its silence proves nothing yet. Judge on a punctual tick.
      const late = now - lastTick > 4 * LIMITS.aliveIntervalMs;
      lastTick = now;
      if (late) {
        this.lastHeard = Math.max(this.lastHeard, now - LIMITS.aliveIntervalMs);
        return;
      }
      const silentFor = now - this.lastHeard;
      if (this.heardAny ? silentFor > LIMITS.silenceMs : now > bootDeadline) this.crashed();
    }, LIMITS.aliveIntervalMs);
    this.host
      .launch({
        runId: this.id,
        code: this.code,
        pageUrl: location.href,
        deadlock: this.options.deadlock ?? 'end',
        cores: pageCores(),
        warmTasks: warmTasks(),
        port: this.channel.port2,
        onError: (message) => this.fail('crash', `The run stopped unexpectedly: ${message}`),
        onReset: () => {
          this.system('Stopped: the runtime was restarted to end another run on this page.');
          this.finish('stopped', undefined, undefined, false);
        },
      })
      .catch((error: unknown) => this.fail('internal', `The runtime could not start: ${String(error)}`));
  }

  stop(): void {
    this.finish('stopped');
  }

  private heardAny = false;

  private receive(data: unknown): void {
    if (this.ended) return;
    this.lastHeard = performance.now();
    this.heardAny = true;
    const parsed = parseRunReport(data);
    if (!parsed.ok) {
      this.system(describeProblem(parsed.problem));
      return;
    }
    const report = parsed.value;
    if (report.runId !== this.id) return;
    switch (report.type) {
      case 'started':
        this.startAbs = report.startAbs;
        this.limitTimer = setTimeout(() => this.finish('timeout'), this.timeLimitMs);
        return;
      case 'events':
        this.droppedLines = report.droppedLines;
        this.sequencer.push(report.events, report.settledBefore);
        return;
      case 'alive':
        return;
      case 'fetch':
        void fetchForRun(report.request, report.reply);
        return;
      case 'end':
        // Workers still busy or blocked at the end would linger: end them by force.
        this.finish(report.state, report.t, report.error, report.lingering > 0);
        return;
      case 'stopped':
        return;
    }
  }

  private deliver(event: WireEvent): void {
    if (event.t > this.lastT) this.lastT = event.t;
    this.timing.add(event);
    this.publish({ ...event, seq: this.seq++ });
  }

  private publish(event: RunEvent): void {
    this.stream.publish(event);
  }

  /** Milliseconds since the snippet started, by the page's clock. */
  private elapsed(): number {
    if (this.startAbs === null) return this.lastT;
    return Math.max(this.lastT, performance.timeOrigin + performance.now() - this.startAbs);
  }

  private system(text: string, t = this.elapsed()): void {
    this.sequencer.push([{ type: 'console', t, task: 'runtime', stream: 'system', text }]);
  }

  private crashed(): void {
    this.host.reset();
    this.fail(
      'crash',
      'The run stopped responding and was ended: most likely a worker ran out of memory, which takes its whole process down. ' +
        'Everything it started has been ended; the page is fine.',
    );
  }

  private fail(kind: RunErrorInfo['kind'], message: string): void {
    if (this.ended) return;
    this.system(message);
    this.finish('error', undefined, { kind, message });
  }

  private finish(state: EndState, t?: number, error?: RunErrorInfo, stillRunning = t === undefined): void {
    if (this.ended) return;
    const endT = t ?? this.elapsed();
    if (state === 'timeout')
      this.system(
        `Time limit reached: the run was stopped after ${formatSeconds(this.timeLimitMs)}. ` +
          'A snippet can ask for more time with a first-line comment such as // @time-limit 30s',
        endT,
      );
    if ((state === 'timeout' || state === 'stopped') && this.droppedLines > 0)
      this.system(droppedLinesNotice(this.droppedLines), endT);
    this.ended = true;
    if (this.limitTimer !== null) clearTimeout(this.limitTimer);
    if (this.watchdog !== null) clearInterval(this.watchdog);
    // A run that ended by itself has ended its tasks; one ended from here has not.
    if (stillRunning && error?.kind !== 'crash') this.teardown();
    else this.release(false);
    this.sequencer.flushAll();
    const finalT = Math.max(endT, state === 'done' || state === 'error' ? 0 : this.lastT);
    const totals = this.timing.totals(finalT);
    this.finalTotals = totals;
    this.publish({ type: 'end', seq: this.seq++, t: finalT, state, totals });
    const base = { runId: this.id, totals };
    this.resolve(
      state === 'error'
        ? { ...base, state, error: error ?? { kind: 'internal', message: 'The run failed.' } }
        : state === 'timeout'
          ? { ...base, state, timeLimitMs: this.timeLimitMs }
          : { ...base, state },
    );
  }

  /**
   * Ends a run that is still going: the hub terminates every task (a busy
   * nested worker outlives its terminated parent in Chromium), answers, and
   * only then is the run worker terminated. A hub that does not answer in
   * time gets the whole host frame torn down instead.
   */
  private teardown(): void {
    if (this.host.killsProcess) {
      this.release(true);
      return;
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(fallback);
      this.release(true);
    };
    const fallback = setTimeout(release, STOP_GRACE_MS);
    this.channel.port1.onmessage = (event: MessageEvent) => {
      const parsed = parseRunReport(event.data);
      if (parsed.ok && parsed.value.type === 'stopped') release();
    };
    typedPort<RunnerRequest>(this.channel.port1).send({ type: 'stop-run' });
  }

  private release(force: boolean): void {
    this.host.stop(this.id, force);
    this.channel.port1.onmessage = null;
    this.channel.port1.close();
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
