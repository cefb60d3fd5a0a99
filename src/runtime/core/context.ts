import { typedPort, type HubRequest, type RingEvent, type RunEnvironment, type TypedPort } from '../../shared/protocol/index.ts';
import { Control } from './control.ts';
import { RingWriter, encodeRecord } from './event-ring.ts';
import { LockTrail, installLockLine } from './lock-trail.ts';
import { Meter } from './meter.ts';
import { START_MARKER, mapStack, type StackMapper } from './stack-map.ts';

/**
 * What the runtime knows about the worker it is running in: who it is in the
 * run, how to reach the hub, the run's clock, and its instrumentation. One
 * per worker, set up by the worker's entry script before any learner code.
 */

/** The platform functions, captured before the runtime wraps any of them. */
export const original = {
  setTimeout: globalThis.setTimeout.bind(globalThis),
  clearTimeout: globalThis.clearTimeout.bind(globalThis),
  setInterval: globalThis.setInterval.bind(globalThis),
  clearInterval: globalThis.clearInterval.bind(globalThis),
  atomicsWait: Atomics.wait.bind(Atomics),
  atomicsWaitAsync: (Atomics as { waitAsync?: typeof Atomics.waitAsync }).waitAsync?.bind(Atomics),
  fetch: typeof fetch === 'function' ? fetch.bind(globalThis) : undefined,
};

export interface ContextInit {
  runId: number;
  id: number;
  name: string;
  control: SharedArrayBuffer;
  ring: SharedArrayBuffer;
  hubPort: MessagePort;
  snippet: string;
  pageUrl: string;
  pool: boolean;
  environment: RunEnvironment;
}

export class WorkerContext {
  readonly runId: number;
  readonly id: number;
  readonly name: string;
  readonly control: Control;
  readonly hubPort: MessagePort;
  readonly snippet: string;
  readonly pageUrl: string;
  readonly pool: boolean;
  /** The run's core count and compute rate, the same in every worker. */
  readonly environment: RunEnvironment;
  readonly meter: Meter;
  /** The locks this lane holds, for the hub's lock-order graph (lock-trail.ts). */
  readonly locks: LockTrail;
  readonly stackMapper: StackMapper = { snippetUrls: [] };
  private readonly ring: RingWriter;
  private offset: number | undefined;
  private readonly overflow: RingEvent[] = [];
  private readonly hub: TypedPort<HubRequest>;

  constructor(init: ContextInit) {
    this.runId = init.runId;
    this.id = init.id;
    this.name = init.name;
    this.control = new Control(init.control);
    this.ring = new RingWriter(init.ring);
    this.hubPort = init.hubPort;
    this.hub = typedPort(init.hubPort);
    this.snippet = init.snippet;
    if (init.snippet.startsWith(START_MARKER)) this.stackMapper.lineOneShift = START_MARKER.length;
    this.pageUrl = init.pageUrl;
    this.pool = init.pool;
    this.environment = init.environment;
    const probe = new MessageChannel();
    probe.port1.onmessage = () => this.meter.probe();
    // Under Node (unit tests) the probe must not keep the process alive.
    (probe.port1 as { unref?: () => void }).unref?.();
    installLockLine();
    this.locks = new LockTrail((nest) => this.emit({ k: 'lock-nest', t: this.now(), ...nest }));
    this.meter = new Meter({
      emit: (event) => this.emit(event),
      now: () => this.now(),
      schedule: () => probe.port2.postMessage(null),
    });
  }

  /** Milliseconds since the run started, on the same clock in every worker. */
  now(): number {
    if (this.offset === undefined) {
      const start = this.control.startAbs;
      if (start === 0) return 0; // main, before its snippet starts
      this.offset = start - performance.timeOrigin;
    }
    return performance.now() - this.offset;
  }

  emit(event: RingEvent): void {
    if (this.overflow.length === 0 && this.ring.write(encodeRecord(event))) {
      this.control.ring();
      return;
    }
    // The hub reads the ring on its own schedule; when it is full, the same
    // records go by message (the hub drains the ring first, so order holds).
    this.overflow.push(event);
    if (this.overflow.length === 1) queueMicrotask(() => this.flushOverflow());
    if (this.overflow.length >= 256) this.flushOverflow();
  }

  /** Sends any records that did not fit in the ring. Call before blocking. */
  flushOverflow(): void {
    if (this.overflow.length === 0) return;
    const events = this.overflow.splice(0);
    this.send({ type: 'ring-overflow', from: this.id, events });
  }

  send(request: HubRequest, transfer: Transferable[] = []): void {
    this.hub.send(request, transfer);
  }

  mapStack(stack: string): string {
    return mapStack(stack, this.stackMapper);
  }
}

let current: WorkerContext | null = null;

export function installContext(init: ContextInit): WorkerContext {
  current = new WorkerContext(init);
  return current;
}

/** The context of this worker; the racecourse module works only inside a run. */
export function context(): WorkerContext {
  if (!current) throw new Error('The racecourse module works only inside a run (press Run).');
  return current;
}

/** This worker's lock trail, or null outside a run (one check: a lock calls it on every acquisition). */
export function lockTrail(): LockTrail | null {
  return current === null ? null : current.locks;
}

export function hasContext(): boolean {
  return current !== null;
}
