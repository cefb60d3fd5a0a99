import {
  describeProblem,
  parseRingEvent,
  type LaneState,
  type RingEvent,
  type RunErrorInfo,
  type WireEvent,
} from '../../../shared/protocol/index.ts';
import { RingReader, decodeRecord } from '../../core/event-ring.ts';
import type { Lane, LaneTable } from './lane-table.ts';
import type { SyncRegistry } from './sync-registry.ts';

/**
 * The hub's outgoing events: it reads every lane's event ring and turns its
 * records
 * (decoded and validated, or a `system` line saying what was wrong) into the
 * page's events, with state changes merged by the lane table's coalescers,
 * and holds them until the hub sends the next batch. The hub's own events
 * (spawns, terminations, notices) join the same batch through emit().
 */

export interface RingDrainInputs {
  lanes: LaneTable;
  objects: SyncRegistry;
  /** The run's clock (ms since its start), for a record that cannot be read. */
  now: () => number;
  /** An error nobody caught (its `system` line is already emitted): the hub ends the run. */
  uncaught: (error: RunErrorInfo) => void;
  /** A lane took a lock while holding others (lock-order-watch.ts). */
  lockNest: (lane: Lane, nest: Extract<RingEvent, { k: 'lock-nest' }>) => void;
  /** A streak of same atomic reads began (spin-watch.ts). */
  spin: (lane: Lane, site: Extract<RingEvent, { k: 'spin' }>) => void;
  /** Something the learner can see happened: output, a state change, a task's phase (spin-watch.ts). */
  progress: () => void;
}

export class RingDrain {
  private readonly inputs: RingDrainInputs;
  private readonly readers = new Map<number, RingReader>();
  private out: WireEvent[] = [];
  private latest = 0;

  constructor(inputs: RingDrainInputs) {
    this.inputs = inputs;
  }

  /** The latest event time seen: the time of the run's end. */
  get lastT(): number {
    return this.latest;
  }

  get pending(): number {
    return this.out.length;
  }

  /** The events held so far, in time order; the next batch starts empty. */
  take(): WireEvent[] {
    const events = this.out;
    this.out = [];
    events.sort((a, b) => a.t - b.t);
    return events;
  }

  emit(event: WireEvent): void {
    if (event.t > this.latest) this.latest = event.t;
    this.out.push(event);
  }

  system(text: string, t: number): void {
    this.emit({ type: 'console', t, task: 'runtime', stream: 'system', text });
  }

  laneState(lane: Lane, change: { t: number; state: LaneState; on?: string | undefined }): void {
    for (const event of this.inputs.lanes.state(lane, change)) this.emit(event);
  }

  /** From now on, `lane`'s events are read from the ring in `sab`. */
  attach(lane: Lane, sab: SharedArrayBuffer): void {
    this.readers.set(lane.id, new RingReader(sab));
  }

  /** Reads every record published in `lane`'s ring. */
  drain(lane: Lane): void {
    const reader = this.readers.get(lane.id);
    if (!reader) return;
    for (const bytes of reader.drain()) {
      let data: unknown;
      try {
        data = decodeRecord(bytes);
      } catch {
        data = null;
      }
      const parsed = parseRingEvent(data);
      if (parsed.ok) this.record(lane, parsed.value);
      else this.system(describeProblem(parsed.problem), this.inputs.now());
    }
  }

  /** One record of `lane` (from its ring, or from a `ring-overflow` message). */
  record(lane: Lane, event: RingEvent): void {
    const { lanes, objects } = this.inputs;
    if (event.k === 'console' || event.k === 'state' || event.k === 'phase') this.inputs.progress();
    switch (event.k) {
      case 'console':
        this.emit({ type: 'console', t: event.t, task: lane.name, stream: event.stream, text: event.text });
        return;
      case 'state':
        lane.last = event;
        this.laneState(lane, { t: event.t, state: event.state, on: objects.describeWait(event.waits, (id) => lanes.get(id)?.name) });
        return;
      case 'phase':
        lanes.phaseRecord(lane, event.phase);
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
        if (lane.id === 0) lanes.setMainQuiet(event.quiet);
        if (event.t > this.latest) this.latest = event.t;
        return;
      case 'message':
        this.emit({
          type: 'message',
          t: event.t,
          sent: event.sent,
          from: lanes.get(event.from)?.name ?? `worker-${event.from}`,
          to: lane.name,
          kind: event.kind,
          ...(event.via === undefined ? {} : { via: event.via }),
        });
        return;
      case 'uncaught':
        this.emit({ type: 'console', t: event.t, task: lane.name, stream: 'system', text: event.text });
        this.inputs.uncaught(event.error);
        return;
      case 'lock-nest':
        this.inputs.lockNest(lane, event);
        return;
      case 'spin':
        this.inputs.spin(lane, event);
        return;
    }
  }
}
