import {
  LIMITS,
  describeProblem,
  parseHubInit,
  parseHubRequest,
  parseRingEvent,
  parseRunnerRequest,
  typedPort,
  type HubInit,
  type HubRequest,
  type HubToMain,
  type LaneState,
  type RingEvent,
  type RunErrorInfo,
  type RunReport,
  type SpawnRequest,
  type TaskInit,
  type TypedPort,
  type WireEvent,
} from '../../shared/protocol/index.ts';
import { original } from '../core/context.ts';
import { C, Control } from '../core/control.ts';
import { RingReader, createRingBuffer, decodeRecord } from '../core/event-ring.ts';
import { droppedLinesNotice } from '../core/output-notices.ts';
import { findDeadlock } from './hub/deadlock.ts';
import { LaneTable, type Lane } from './hub/lane-table.ts';
import { SyncRegistry } from './hub/sync-registry.ts';
import { TaskStarter } from './hub/task-starter.ts';

/**
 * The hub: a worker of the run that never executes learner code, so its
 * event loop is always free. It
 * - starts every task and pool worker (a spawner that blocks right after
 *   spawn() cannot hold up its task's start),
 * - reads every worker's event ring and forwards one stream to the page,
 *   merging short state segments,
 * - decides when the run is done (the snippet's module has settled, nothing
 *   is pending in main, and no task's function is still running),
 * - watches for deadlocks and reports them within 2 seconds.
 * The lanes' bookkeeping (phases, the end, the deadlock snapshot, state
 * events) is hub/lane-table.ts; this file keeps the loop and the transport.
 */

/** How the hub reaches a lane's worker. */
interface LaneLink {
  reader: RingReader;
  worker: Worker | null;
  port: MessagePort;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
};

const DRAIN_GAP_MS = 8;
const IDLE_WAKE_MS = 50;
const DEADLOCK_CHECK_MS = 200;
const DEADLOCK_STABLE_MS = 600;

class Hub {
  private readonly init: HubInit;
  private readonly control: Control;
  private readonly lanes = new LaneTable();
  private readonly links = new Map<number, LaneLink>();
  private readonly objects = new SyncRegistry();
  private readonly runner: TypedPort<RunReport>;
  private readonly mainPort: TypedPort<HubToMain>;
  private out: WireEvent[] = [];
  private lastT = 0;
  private quietToken = 0;
  private nextToken = 1;
  private finished = false;
  private lastSent = 0;
  private lastDeadlockCheck = 0;
  private candidate: { key: string; since: number; doorbell: number } | null = null;
  private reportedDeadlock = '';
  private readonly starter: TaskStarter;

  constructor(init: HubInit) {
    this.init = init;
    this.control = new Control(init.control);
    this.runner = typedPort(init.runnerPort);
    this.mainPort = typedPort(init.mainPort);
    const main = this.lanes.main;
    this.links.set(main.id, { reader: new RingReader(init.mainRing), worker: null, port: init.mainPort });
    init.mainPort.onmessage = (event: MessageEvent) => this.receive(main, event.data);
    init.runnerPort.onmessage = (event: MessageEvent) => {
      const parsed = parseRunnerRequest(event.data);
      if (parsed.ok && parsed.value.type === 'stop-run') this.stopRun();
    };
    this.mainPort.send({ type: 'hub-ready' });
    this.starter = new TaskStarter(init.task);
    void this.loop();
  }

  private report(message: RunReport, transfer: Transferable[] = []): void {
    this.runner.send(message, transfer);
    this.lastSent = performance.now();
  }

  private now(): number {
    const start = this.control.startAbs;
    return start === 0 ? 0 : performance.timeOrigin + performance.now() - start;
  }

  // ───────────── requests from workers ─────────────

  private receive(from: Lane, data: unknown): void {
    if (this.finished) return;
    const parsed = parseHubRequest(data);
    if (!parsed.ok) {
      this.system(describeProblem(parsed.problem), this.now());
      return;
    }
    this.handle(from, parsed.value);
  }

  private handle(from: Lane, request: HubRequest): void {
    switch (request.type) {
      case 'spawn':
        return this.spawn(from, request.request);
      case 'terminate':
        return this.terminate(request.id, request.t, request.reason);
      case 'register':
        this.objects.register(request.id, request.kind, request.name, request.sab);
        return;
      case 'ring-overflow':
        this.drain(from);
        for (const event of request.events) this.record(from, event);
        return;
      case 'task-end': {
        this.drain(from);
        this.lanes.taskEnded(from, request.keepAlive);
        if (!request.keepAlive) this.endWorker(from);
        return;
      }
      case 'failure-unjoined':
        this.lanes.failureUnjoined(request.id, { text: request.text, error: request.error });
        return;
      case 'failure-joined':
        this.lanes.failureJoined(request.id);
        return;
      case 'quiet-reply':
        if (request.token === this.quietToken) {
          this.quietToken = 0;
          if (request.quiet && this.canEnd()) this.finish('done');
        }
        return;
      case 'fetch':
        this.report({ type: 'fetch', runId: this.init.runId, request: request.request, reply: request.reply }, [request.reply]);
        return;
      case 'started':
        this.report({ type: 'started', runId: this.init.runId, startAbs: request.startAbs });
        return;
    }
  }

  private spawn(from: Lane, request: SpawnRequest): void {
    const ring = createRingBuffer();
    const channel = new MessageChannel();
    let worker: Worker;
    try {
      worker = this.starter.take();
    } catch (error) {
      this.uncaught(`Could not start ${request.name}: ${String(error)}`, this.now());
      return;
    }
    const lane = this.lanes.addTask(request.id, request.name, request.pool);
    this.links.set(lane.id, { reader: new RingReader(ring), worker, port: channel.port1 });
    channel.port1.onmessage = (event: MessageEvent) => this.receive(lane, event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (lane.phase !== 'ended') this.uncaught(`${lane.name} stopped: ${event.message || 'its worker failed to start'}`, this.now());
    };
    const init: TaskInit = {
      type: 'task-init',
      runId: this.init.runId,
      id: request.id,
      name: request.name,
      control: this.init.control,
      ring,
      hubPort: channel.port2,
      spawnerPort: request.port,
      snippet: this.init.snippet,
      pageUrl: this.init.pageUrl,
      pool: request.pool,
      args: request.args,
      ...(request.fn ? { fn: request.fn } : {}),
    };
    typedPort<TaskInit>(worker).send(init, [channel.port2, request.port]);
    this.emit({
      type: 'task',
      t: request.t,
      task: request.name,
      id: request.id,
      phase: 'spawned',
      parent: from.name,
      ...(request.pool ? { pool: true } : {}),
    });
  }

  private terminate(id: number, t: number, reason: 'terminate' | 'close'): void {
    const lane = this.lanes.get(id);
    if (!lane || lane.phase === 'ended') return;
    this.drain(lane);
    const wasRunning = this.lanes.isFunctionRunning(lane);
    this.endWorker(lane);
    this.laneState(lane, { t, state: 'idle' });
    if (wasRunning || reason === 'close')
      this.emit({ type: 'task', t, task: lane.name, id, phase: reason === 'close' ? 'finished' : 'terminated' });
  }

  private endWorker(lane: Lane): void {
    if (!this.lanes.end(lane)) return;
    const link = this.links.get(lane.id);
    link?.worker?.terminate();
    link?.port.close();
    if (this.control.markEnded(lane.id)) this.control.releaseWorker();
  }

  // ───────────── events ─────────────

  private emit(event: WireEvent): void {
    if (event.t > this.lastT) this.lastT = event.t;
    this.out.push(event);
  }

  private system(text: string, t: number): void {
    this.emit({ type: 'console', t, task: 'runtime', stream: 'system', text });
  }

  private drain(lane: Lane): void {
    const link = this.links.get(lane.id);
    if (!link) return;
    for (const bytes of link.reader.drain()) {
      let data: unknown;
      try {
        data = decodeRecord(bytes);
      } catch {
        data = null;
      }
      const parsed = parseRingEvent(data);
      if (parsed.ok) this.record(lane, parsed.value);
      else this.system(describeProblem(parsed.problem), this.now());
    }
  }

  private record(lane: Lane, event: RingEvent): void {
    switch (event.k) {
      case 'console':
        this.emit({ type: 'console', t: event.t, task: lane.name, stream: event.stream, text: event.text });
        return;
      case 'state':
        lane.last = event;
        this.laneState(lane, { t: event.t, state: event.state, on: this.objects.describeWait(event.waits, (id) => this.lanes.get(id)?.name) });
        return;
      case 'phase':
        this.lanes.phaseRecord(lane, event.phase);
        this.emit({
          type: 'task',
          t: event.t,
          task: lane.name,
          id: lane.id,
          phase: event.phase,
          ...(event.error ? { error: event.error } : {}),
        });
        return;
      case 'quiet':
        if (lane.id === 0) this.lanes.setMainQuiet(event.quiet);
        if (event.t > this.lastT) this.lastT = event.t;
        return;
      case 'uncaught':
        this.emit({ type: 'console', t: event.t, task: lane.name, stream: 'system', text: event.text });
        this.finish('error', event.error);
        return;
    }
  }

  private laneState(lane: Lane, change: { t: number; state: LaneState; on?: string | undefined }): void {
    for (const event of this.lanes.state(lane, change)) this.emit(event);
  }

  // ───────────── the loop ─────────────

  private async loop(): Promise<void> {
    const cells = this.control.cells;
    while (!this.finished) {
      this.pump();
      if (this.finished) break;
      const seen = Atomics.load(cells, C.doorbell);
      Atomics.store(cells, C.hubSleeping, 1);
      const waitAsync = original.atomicsWaitAsync;
      if (waitAsync) {
        const result = waitAsync(cells, C.doorbell, seen, IDLE_WAKE_MS);
        if (result.async) await result.value;
      } else {
        await delay(IDLE_WAKE_MS);
      }
      Atomics.store(cells, C.hubSleeping, 0);
      // A short gap lets a flood of events arrive as one batch.
      await delay(DRAIN_GAP_MS);
    }
  }

  /** Drain every ring, forward, and check for the end and for deadlocks. */
  private pump(): void {
    for (const lane of this.lanes.all()) this.drain(lane);
    if (this.finished) return;
    for (const event of this.lanes.flush(this.now())) this.emit(event);
    this.send();
    if (this.canEnd() && this.quietToken === 0) {
      this.quietToken = this.nextToken++;
      this.mainPort.send({ type: 'quiet-check', token: this.quietToken });
    }
    if (performance.now() - this.lastDeadlockCheck >= DEADLOCK_CHECK_MS) {
      this.lastDeadlockCheck = performance.now();
      this.checkDeadlock();
    }
  }

  private send(): void {
    if (this.out.length === 0 && performance.now() - this.lastSent < LIMITS.aliveIntervalMs) return;
    if (this.out.length === 0) {
      this.report({ type: 'alive', runId: this.init.runId });
      return;
    }
    const events = this.out;
    this.out = [];
    events.sort((a, b) => a.t - b.t);
    this.report({ type: 'events', runId: this.init.runId, events, droppedLines: this.droppedLines() });
  }

  private droppedLines(): number {
    return Math.max(0, this.control.outputLines - LIMITS.outputLines);
  }

  // ───────────── the end ─────────────

  /** Main is quiet and no task's function is still running (pool workers and finished listeners don't count). */
  private canEnd(): boolean {
    return !this.finished && this.lanes.isRunDone();
  }

  private uncaught(text: string, t: number): void {
    this.system(text, t);
    this.finish('error', { kind: 'uncaught', message: text.split('\n')[0] ?? text });
  }

  private finish(state: 'done' | 'error', error?: RunErrorInfo): void {
    if (this.finished) return;
    for (const lane of this.lanes.all()) this.drain(lane);
    this.finished = true;
    const outcome = this.lanes.outcome(state, error);
    for (const notice of outcome.notices) this.system(notice, this.lastT);
    const t = this.lastT;
    for (const event of this.lanes.flush(t, true)) this.emit(event);
    const dropped = this.droppedLines();
    if (dropped > 0) this.system(droppedLinesNotice(dropped), t);
    this.send();
    const lingering = this.lanes.lingering();
    this.report({
      type: 'end',
      runId: this.init.runId,
      state: outcome.state,
      t,
      lingering,
      ...(outcome.error ? { error: outcome.error } : {}),
    });
    for (const lane of this.lanes.all()) if (lane.id !== 0) this.endWorker(lane);
    this.starter.close();
  }

  /** Stop, time limit or a new run: terminate every task (their parent must; see RunnerRequest). */
  private stopRun(): void {
    this.finished = true;
    for (const lane of this.lanes.all()) if (lane.id !== 0) this.endWorker(lane);
    this.starter.close();
    this.report({ type: 'stopped', runId: this.init.runId });
    self.close();
  }

  // ───────────── deadlocks ─────────────

  private checkDeadlock(): void {
    const found = findDeadlock({ ...this.lanes.deadlockLanes(), objects: this.objects.snapshot() });
    if (!found) {
      this.candidate = null;
      this.reportedDeadlock = '';
      return;
    }
    const doorbell = Atomics.load(this.control.cells, C.doorbell);
    const now = performance.now();
    if (!this.candidate || this.candidate.key !== found.key || this.candidate.doorbell !== doorbell) {
      this.candidate = { key: found.key, since: now, doorbell };
      return;
    }
    if (now - this.candidate.since < DEADLOCK_STABLE_MS || this.reportedDeadlock === found.key) return;
    this.reportedDeadlock = found.key;
    const t = this.now();
    if (this.init.deadlock === 'end') {
      this.system(found.message, t);
      this.finish('error', { kind: 'deadlock', message: found.message });
    } else {
      this.system(`${found.message} (Press Stop to end the run.)`, t);
      this.send();
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => original.setTimeout(resolve, ms));
}

scope.onmessage = (event: MessageEvent) => {
  scope.onmessage = null;
  const parsed = parseHubInit(event.data);
  if (!parsed.ok) throw new Error(describeProblem(parsed.problem));
  new Hub(parsed.value);
};
