import {
  LIMITS,
  describeProblem,
  parseHubInit,
  parseHubRequest,
  parseRunnerRequest,
  typedPort,
  type HubInit,
  type HubRequest,
  type HubToMain,
  type RunErrorInfo,
  type RunReport,
  type SpawnRequest,
  type TaskInit,
  type TypedPort,
} from '../../shared/protocol/index.ts';
import { original } from '../core/context.ts';
import { C, Control } from '../core/control.ts';
import { createRingBuffer } from '../core/event-ring.ts';
import { droppedLinesNotice } from '../core/output-notices.ts';
import type { Deadlock } from './hub/deadlock.ts';
import { DeadlockWatch } from './hub/deadlock-watch.ts';
import { LaneTable, type Lane } from './hub/lane-table.ts';
import { LockOrderWatch } from './hub/lock-order-watch.ts';
import { SpinWatch } from './hub/spin-watch.ts';
import { RingDrain } from './hub/ring-drain.ts';
import { SyncRegistry } from './hub/sync-registry.ts';
import { TaskStarter, taskInit } from './hub/task-starter.ts';

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
 * In hub/: the lanes' bookkeeping (phases, the end, the deadlock snapshot,
 * state events) is lane-table.ts, ring records become events in
 * ring-drain.ts, deadlock-watch.ts says when to report a deadlock,
 * lock-order-watch.ts finds potential ones, spin-watch.ts lanes that spin
 * without progress; this file
 * keeps the loop and the transport.
 */

/** How the hub reaches a lane's worker. */
interface LaneLink { worker: Worker | null; port: MessagePort }

const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null };

const DRAIN_GAP_MS = 8;
const IDLE_WAKE_MS = 50;

class Hub {
  private readonly init: HubInit;
  private readonly control: Control;
  private readonly lanes = new LaneTable();
  private readonly links = new Map<number, LaneLink>();
  private readonly objects = new SyncRegistry();
  private readonly runner: TypedPort<RunReport>;
  private readonly mainPort: TypedPort<HubToMain>;
  private readonly lockOrder = new LockOrderWatch();
  /** A real deadlock was reported: potential ones are not said beside it (lock-order-watch.ts). */
  private deadlocked = false;
  private readonly events = new RingDrain({
    lanes: this.lanes,
    objects: this.objects,
    now: () => this.now(),
    uncaught: (error) => this.finish('error', error),
    lockNest: (lane, nest) => this.lockOrder.nest(lane.name, nest),
    spin: (lane, site) => this.spins.site(lane.id, site),
    progress: () => this.spins.progress(),
  });
  private readonly spins = new SpinWatch(() => performance.now());
  private readonly deadlocks = new DeadlockWatch({
    clock: () => performance.now(),
    snapshot: () => ({ ...this.lanes.deadlockLanes(), objects: this.objects.snapshot() }),
    doorbell: () => Atomics.load(this.control.cells, C.doorbell),
  });
  private quietToken = 0;
  private nextToken = 1;
  private finished = false;
  private lastSent = 0;
  private soleLane = false;
  private sentLastPump = false;
  private readonly starter: TaskStarter;

  constructor(init: HubInit, starter: TaskStarter) {
    this.init = init;
    this.starter = starter;
    this.control = new Control(init.control);
    this.runner = typedPort(init.runnerPort);
    this.mainPort = typedPort(init.mainPort);
    const main = this.lanes.main;
    this.links.set(main.id, { worker: null, port: init.mainPort });
    this.events.attach(main, init.mainRing);
    init.mainPort.onmessage = (event: MessageEvent) => this.receive(main, event.data);
    init.runnerPort.onmessage = (event: MessageEvent) => {
      const parsed = parseRunnerRequest(event.data);
      if (parsed.ok && parsed.value.type === 'stop-run') this.stopRun();
    };
    this.mainPort.send({ type: 'hub-ready' });
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
      this.events.system(describeProblem(parsed.problem), this.now());
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
        return this.objects.register(request.id, request.kind, request.name, request.sab);
      case 'ring-overflow':
        this.events.drain(from);
        for (const event of request.events) this.events.record(from, event);
        return;
      case 'task-end':
        this.events.drain(from);
        this.lanes.taskEnded(from, request.keepAlive);
        if (!request.keepAlive) this.endWorker(from);
        return;
      case 'failure-unjoined':
        return this.lanes.failureUnjoined(request.id, { text: request.text, error: request.error });
      case 'failure-joined':
        return this.lanes.failureJoined(request.id);
      case 'quiet-reply':
        if (request.token === this.quietToken) {
          this.quietToken = 0;
          if (request.quiet && this.canEnd()) this.finish('done');
        }
        return;
      case 'fetch':
        return this.report({ type: 'fetch', runId: this.init.runId, request: request.request, reply: request.reply }, [request.reply]);
      case 'started':
        return this.report({ type: 'started', runId: this.init.runId, startAbs: request.startAbs });
      case 'spin-board':
        return this.spins.attach(from.id, request.sab);
    }
  }

  private spawn(from: Lane, request: SpawnRequest): void {
    // A burst of spawns can keep this thread from its loop for seconds (each
    // new worker costs it time): the page must still hear that the run lives.
    this.keepAlive();
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
    this.links.set(lane.id, { worker, port: channel.port1 });
    this.events.attach(lane, ring);
    channel.port1.onmessage = (event: MessageEvent) => this.receive(lane, event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (lane.phase !== 'ended') this.uncaught(`${lane.name} stopped: ${event.message || 'its worker failed to start'}`, this.now());
    };
    typedPort<TaskInit>(worker).send(taskInit(this.init, request, ring, channel.port2), [channel.port2, request.port]);
    const pool = request.pool ? { pool: true } : {};
    this.events.emit({ type: 'task', t: request.t, task: request.name, id: request.id, phase: 'spawned', parent: from.name, ...pool });
  }

  private terminate(id: number, t: number, reason: 'terminate' | 'close'): void {
    const lane = this.lanes.get(id);
    if (!lane || lane.phase === 'ended') return;
    this.events.drain(lane);
    const wasRunning = this.lanes.isFunctionRunning(lane);
    this.endWorker(lane);
    this.events.laneState(lane, { t, state: 'idle' });
    if (wasRunning || reason === 'close')
      this.events.emit({ type: 'task', t, task: lane.name, id, phase: reason === 'close' ? 'finished' : 'terminated' });
  }

  private endWorker(lane: Lane): void {
    if (!this.lanes.end(lane)) return;
    const link = this.links.get(lane.id);
    link?.worker?.terminate();
    link?.port.close();
    if (this.control.markEnded(lane.id)) this.control.releaseWorker();
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
      // A short gap lets a flood of events arrive as one batch; the first
      // events after a quiet spell (a run's first line) go out at once.
      if (this.sentLastPump) await delay(DRAIN_GAP_MS);
    }
  }

  /** Drain every ring, forward, and check for the end and for deadlocks. */
  private pump(): void {
    // Read before draining: no task id claimed yet means no spawn is on its way by message.
    this.soleLane = Atomics.load(this.control.cells, C.nextTaskId) === 0;
    for (const lane of this.lanes.all()) this.events.drain(lane);
    if (this.finished) return;
    for (const event of this.lanes.flush(this.now())) this.events.emit(event);
    for (const text of this.spins.poll((id) => this.spinLane(id)))
      this.events.emit({ type: 'console', t: this.now(), task: 'runtime', stream: 'warn', text });
    this.send();
    if (this.canEnd() && this.quietToken === 0) {
      this.quietToken = this.nextToken++;
      this.mainPort.send({ type: 'quiet-check', token: this.quietToken });
    }
    const deadlock = this.deadlocks.poll();
    if (deadlock) this.reportDeadlock(deadlock);
  }

  private spinLane(id: number): { name: string; running: boolean } | undefined {
    const lane = this.lanes.get(id);
    return lane && { name: lane.name, running: lane.phase !== 'ended' && lane.last?.state === 'running' };
  }

  /**
   * While `main` is the only lane, its ring holds its events in time order
   * and nothing else reports any: everything before the earliest state
   * change the coalescer still holds back has been sent (see `settledBefore`).
   */
  private settledBefore(): { settledBefore?: number } {
    return this.soleLane ? { settledBefore: this.lanes.heldSince() } : {};
  }

  private send(): void {
    this.sentLastPump = this.events.pending > 0;
    if (this.events.pending > 0)
      this.report({ type: 'events', runId: this.init.runId, events: this.events.take(), droppedLines: this.droppedLines(), ...this.settledBefore() });
    else this.keepAlive();
  }

  private keepAlive(): void {
    if (performance.now() - this.lastSent >= LIMITS.aliveIntervalMs) this.report({ type: 'alive', runId: this.init.runId });
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
    this.events.system(text, t);
    this.finish('error', { kind: 'uncaught', message: text.split('\n')[0] ?? text });
  }

  private finish(state: 'done' | 'error', error?: RunErrorInfo): void {
    if (this.finished) return;
    for (const lane of this.lanes.all()) this.events.drain(lane);
    this.finished = true;
    const outcome = this.lanes.outcome(state, error);
    for (const notice of outcome.notices) this.events.system(notice, this.events.lastT);
    if (!this.deadlocked && outcome.error?.kind !== 'deadlock')
      for (const text of this.lockOrder.fresh()) this.events.emit({ type: 'console', t: this.events.lastT, task: 'runtime', stream: 'warn', text });
    const t = this.events.lastT;
    for (const event of this.lanes.flush(t, true)) this.events.emit(event);
    const dropped = this.droppedLines();
    if (dropped > 0) this.events.system(droppedLinesNotice(dropped), t);
    const unrecorded = this.control.messages - LIMITS.messages;
    if (unrecorded > 0) this.events.emit({ type: 'messages-dropped', t, count: unrecorded });
    this.send();
    const lingering = this.lanes.lingering();
    this.report({ type: 'end', runId: this.init.runId, state: outcome.state, t, lingering, ...(outcome.error ? { error: outcome.error } : {}) });
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

  /** Ends the run as `error`, or with `{ deadlock: 'report' }` only says so and waits for Stop. */
  private reportDeadlock(found: Deadlock): void {
    this.deadlocked = true;
    const t = this.now();
    if (this.init.deadlock === 'end') {
      this.events.system(found.message, t);
      return this.finish('error', { kind: 'deadlock', message: found.message });
    }
    this.events.system(`${found.message} (Press Stop to end the run.)`, t);
    this.send();
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => original.setTimeout(resolve, ms));
}

// `hub-boot` (the run worker was booted ahead of need: start the warm task workers), then `hub-init` (the run).
let starter: TaskStarter | null = null;
scope.onmessage = (event: MessageEvent) => {
  const parsed = parseHubInit(event.data);
  if (!parsed.ok) throw new Error(describeProblem(parsed.problem));
  const message = parsed.value;
  if (message.type === 'hub-boot') {
    starter ??= new TaskStarter(message.task, message.warmTasks);
    return;
  }
  scope.onmessage = null;
  if (!starter) throw new Error('The hub must be booted before its run.');
  new Hub(message, starter);
};
