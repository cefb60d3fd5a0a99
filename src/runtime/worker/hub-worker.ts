import {
  LIMITS,
  MAIN_LANE,
  describeProblem,
  parseHubInit,
  parseHubRequest,
  parseRingEvent,
  parseRunnerRequest,
  type HubInit,
  type HubRequest,
  type LaneState,
  type RingEvent,
  type RunErrorInfo,
  type RunReport,
  type SpawnRequest,
  type SyncObjectKind,
  type TaskInit,
  type WaitRef,
  type WireEvent,
} from '../../shared/protocol/index.ts';
import { channelStatus, mutexState, semaphoreCount } from '../core/sync-layouts.ts';
import { original } from '../core/context.ts';
import { C, Control } from '../core/control.ts';
import { RingReader, createRingBuffer, decodeRecord } from '../core/event-ring.ts';
import { droppedLinesNotice } from './console-capture.ts';
import { findDeadlock, type LaneSnapshot, type ObjectSnapshot } from './hub/deadlock.ts';
import { LaneCoalescer } from './hub/lane-coalescer.ts';

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
 */

interface Lane {
  id: number;
  name: string;
  reader: RingReader;
  worker: Worker | null;
  port: MessagePort;
  pool: number;
  /** The task's function has returned or thrown. */
  fnDone: boolean;
  /** Its worker is gone (or, for main, the run is over). */
  ended: boolean;
  coalescer: LaneCoalescer;
  last: Extract<RingEvent, { k: 'state' }> | null;
}

interface ObjectEntry {
  kind: SyncObjectKind;
  name: string;
  sab: SharedArrayBuffer;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
};

const DRAIN_GAP_MS = 8;
const IDLE_WAKE_MS = 50;
const DEADLOCK_CHECK_MS = 200;
const DEADLOCK_STABLE_MS = 600;

class Hub {
  private readonly init: HubInit;
  private readonly control: Control;
  private readonly lanes = new Map<number, Lane>();
  private readonly objects = new Map<number, ObjectEntry>();
  private readonly unjoined = new Map<number, { text: string; error: RunErrorInfo }>();
  private out: WireEvent[] = [];
  private lastT = 0;
  private mainQuiet = false;
  private quietToken = 0;
  private nextToken = 1;
  private finished = false;
  private lastSent = 0;
  private lastDeadlockCheck = 0;
  private candidate: { key: string; since: number; doorbell: number } | null = null;
  private reportedDeadlock = '';
  /** A task worker started ahead of need: spawn() hands it its task at once. */
  private spare: Worker | null = null;

  constructor(init: HubInit) {
    this.init = init;
    this.control = new Control(init.control);
    const main: Lane = {
      id: 0,
      name: MAIN_LANE,
      reader: new RingReader(init.mainRing),
      worker: null,
      port: init.mainPort,
      pool: 0,
      fnDone: false,
      ended: false,
      coalescer: new LaneCoalescer(),
      last: null,
    };
    this.lanes.set(0, main);
    init.mainPort.onmessage = (event: MessageEvent) => this.receive(main, event.data);
    init.runnerPort.onmessage = (event: MessageEvent) => {
      const parsed = parseRunnerRequest(event.data);
      if (parsed.ok && parsed.value.type === 'stop-run') this.stopRun();
    };
    init.mainPort.postMessage({ type: 'hub-ready' });
    this.prepareSpare();
    void this.loop();
  }

  private prepareSpare(): void {
    if (this.finished || this.spare) return;
    try {
      this.spare = new Worker(this.init.task.url, { type: this.init.task.type, name: 'racecourse task' });
    } catch {
      this.spare = null;
    }
  }

  private takeWorker(): Worker {
    const worker = this.spare ?? new Worker(this.init.task.url, { type: this.init.task.type, name: 'racecourse task' });
    this.spare = null;
    // The next spare starts once this task has its start message.
    original.setTimeout(() => this.prepareSpare(), 0);
    return worker;
  }

  private report(message: RunReport, transfer: Transferable[] = []): void {
    this.init.runnerPort.postMessage(message, transfer);
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
        this.objects.set(request.id, { kind: request.kind, name: request.name, sab: request.sab });
        return;
      case 'ring-overflow':
        this.drain(from);
        for (const event of request.events) this.record(from, event);
        return;
      case 'task-end': {
        this.drain(from);
        from.fnDone = true;
        if (!request.keepAlive) this.endWorker(from);
        return;
      }
      case 'failure-unjoined':
        this.unjoined.set(request.id, { text: request.text, error: request.error });
        return;
      case 'failure-joined':
        this.unjoined.delete(request.id);
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
      worker = this.takeWorker();
    } catch (error) {
      this.uncaught(`Could not start ${request.name}: ${String(error)}`, this.now());
      return;
    }
    const lane: Lane = {
      id: request.id,
      name: request.name,
      reader: new RingReader(ring),
      worker,
      port: channel.port1,
      pool: request.pool,
      fnDone: false,
      ended: false,
      coalescer: new LaneCoalescer(),
      last: null,
    };
    this.lanes.set(lane.id, lane);
    channel.port1.onmessage = (event: MessageEvent) => this.receive(lane, event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (!lane.ended) this.uncaught(`${lane.name} stopped: ${event.message || 'its worker failed to start'}`, this.now());
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
    worker.postMessage(init, [channel.port2, request.port]);
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
    if (!lane || lane.ended) return;
    this.drain(lane);
    const wasRunning = !lane.fnDone;
    this.endWorker(lane);
    lane.fnDone = true;
    this.laneState(lane, { t, state: 'idle' });
    if (wasRunning || reason === 'close')
      this.emit({ type: 'task', t, task: lane.name, id, phase: reason === 'close' ? 'finished' : 'terminated' });
  }

  private endWorker(lane: Lane): void {
    if (lane.ended) return;
    lane.ended = true;
    lane.worker?.terminate();
    lane.port.close();
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
    for (const bytes of lane.reader.drain()) {
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
        this.laneState(lane, { t: event.t, state: event.state, on: this.describeWait(event.waits) });
        return;
      case 'phase':
        if (event.phase !== 'started') lane.fnDone = true;
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
        if (lane.id === 0) this.mainQuiet = event.quiet;
        if (event.t > this.lastT) this.lastT = event.t;
        return;
      case 'uncaught':
        this.emit({ type: 'console', t: event.t, task: lane.name, stream: 'system', text: event.text });
        this.finish('error', event.error);
        return;
    }
  }

  private laneState(lane: Lane, change: { t: number; state: LaneState; on?: string | undefined }): void {
    const { on, ...rest } = change;
    for (const shown of lane.coalescer.push(on ? { ...rest, on } : rest))
      this.emit({ type: 'state', t: shown.t, task: lane.name, state: shown.state, ...(shown.on ? { on: shown.on } : {}) });
  }

  private describeWait(waits: WaitRef[]): string | undefined {
    const wait = waits.find((w) => w.kind !== 'sleep') ?? waits[0];
    if (!wait) return undefined;
    const object = wait.ref !== undefined ? this.objects.get(wait.ref) : undefined;
    switch (wait.kind) {
      case 'mutex':
      case 'semaphore':
        return object?.name ?? wait.kind;
      case 'recv':
        return `${object?.name ?? 'channel'} (recv)`;
      case 'send':
        return `${object?.name ?? 'channel'} (send)`;
      case 'join':
        return `join ${this.lanes.get(wait.ref ?? -1)?.name ?? 'task'}`;
      case 'pool':
        return 'pool results';
      case 'atomics':
        return 'Atomics.wait';
      case 'sleep':
        return 'sleep';
    }
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
    for (const lane of this.lanes.values()) this.drain(lane);
    if (this.finished) return;
    const t = this.now();
    for (const lane of this.lanes.values())
      for (const shown of lane.coalescer.flush(t))
        this.emit({ type: 'state', t: shown.t, task: lane.name, state: shown.state, ...(shown.on ? { on: shown.on } : {}) });
    this.send();
    if (this.canEnd() && this.quietToken === 0) {
      this.quietToken = this.nextToken++;
      this.init.mainPort.postMessage({ type: 'quiet-check', token: this.quietToken });
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
    if (!this.mainQuiet || this.finished) return false;
    for (const lane of this.lanes.values()) if (lane.id !== 0 && lane.pool === 0 && !lane.fnDone && !lane.ended) return false;
    return true;
  }

  private uncaught(text: string, t: number): void {
    this.system(text, t);
    this.finish('error', { kind: 'uncaught', message: text.split('\n')[0] ?? text });
  }

  private finish(state: 'done' | 'error', error?: RunErrorInfo): void {
    if (this.finished) return;
    for (const lane of this.lanes.values()) this.drain(lane);
    this.finished = true;
    let endError = error;
    if (state === 'done' && this.unjoined.size > 0) {
      for (const failure of this.unjoined.values()) this.system(failure.text, this.lastT);
      endError = [...this.unjoined.values()][0]?.error;
      state = 'error';
    }
    const t = this.lastT;
    for (const lane of this.lanes.values()) {
      for (const shown of lane.coalescer.flush(t, true))
        this.emit({ type: 'state', t: shown.t, task: lane.name, state: shown.state, ...(shown.on ? { on: shown.on } : {}) });
    }
    const dropped = this.droppedLines();
    if (dropped > 0) this.system(droppedLinesNotice(dropped), t);
    this.send();
    let lingering = 0;
    for (const lane of this.lanes.values())
      if (!lane.ended && lane.last && lane.last.state !== 'idle' && (lane.id === 0 || !lane.fnDone || lane.pool > 0)) lingering++;
    this.report({ type: 'end', runId: this.init.runId, state, t, lingering, ...(endError ? { error: endError } : {}) });
    for (const lane of this.lanes.values()) if (lane.id !== 0) this.endWorker(lane);
    this.spare?.terminate();
    this.spare = null;
  }

  /** Stop, time limit or a new run: terminate every task (their parent must; see RunnerRequest). */
  private stopRun(): void {
    this.finished = true;
    for (const lane of this.lanes.values()) if (lane.id !== 0) this.endWorker(lane);
    this.spare?.terminate();
    this.spare = null;
    this.report({ type: 'stopped', runId: this.init.runId });
    self.close();
  }

  // ───────────── deadlocks ─────────────

  private checkDeadlock(): void {
    const snapshot = this.snapshot();
    const found = findDeadlock(snapshot);
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

  private snapshot() {
    const lanes: LaneSnapshot[] = [];
    const liveTasks = new Set<number>();
    const pools = new Map<number, number[]>();
    for (const lane of this.lanes.values()) {
      if (lane.id !== 0 && !lane.ended && !lane.fnDone) liveTasks.add(lane.id);
      if (lane.pool) pools.set(lane.pool, [...(pools.get(lane.pool) ?? []), lane.id]);
      const live = lane.id === 0 ? !this.mainQuiet : !lane.ended && (!lane.fnDone || lane.pool > 0);
      if (!live) continue;
      const last = lane.last;
      const state = last?.state ?? 'running';
      if (lane.pool > 0 && state === 'idle') continue;
      lanes.push({
        id: lane.id,
        name: lane.name,
        state,
        waits: last?.waits ?? [],
        holds: last?.holds ?? [],
        wakeable: last?.wakeable ?? true,
      });
    }
    const objects = new Map<number, ObjectSnapshot>();
    for (const [id, entry] of this.objects) {
      if (entry.kind === 'mutex') {
        const { owner, locked } = mutexState(entry.sab);
        objects.set(id, { kind: 'mutex', name: entry.name, owner, locked });
      } else if (entry.kind === 'semaphore') {
        objects.set(id, { kind: 'semaphore', name: entry.name, available: semaphoreCount(entry.sab) });
      } else {
        objects.set(id, { kind: 'channel', name: entry.name, ...channelStatus(entry.sab) });
      }
    }
    return { lanes, objects, liveTasks, pools };
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
