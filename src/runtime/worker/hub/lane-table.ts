import { MAIN_LANE, type LaneState, type RunErrorInfo, type StateRecord, type WireEvent } from '../../../shared/protocol/index.ts';
import type { RunSnapshot } from './deadlock.ts';
import { LaneCoalescer } from './lane-coalescer.ts';

/**
 * The hub's bookkeeping, with no transport and no timers: every lane of the
 * run and where it is in its life, and from that when the run may end, what
 * the deadlock detector sees, how many workers linger, and the state events
 * the page gets. hub-worker.ts feeds it what arrives and acts on its answers.
 */

/**
 * Where a lane is in its life. Main is `running` for the whole run (whether
 * its module has settled is `mainQuiet`). A task is `booting` until its
 * function starts, `function-done` once it returned or threw, `listening`
 * when it then stays for messages, and `ended` when its worker is gone.
 */
export type LanePhase = 'booting' | 'running' | 'function-done' | 'listening' | 'ended';

export interface Lane {
  readonly id: number;
  readonly name: string;
  /** The pool's id for pool workers, else 0. */
  readonly pool: number;
  phase: LanePhase;
  /** The lane's last state record: for the deadlock detector and the lingering count. */
  last: StateRecord | null;
  readonly coalescer: LaneCoalescer;
}

export interface UnjoinedFailure {
  text: string;
  error: RunErrorInfo;
}

/** How a run that ends by itself ends: `notices` are system lines to print first. */
export interface Outcome {
  state: 'done' | 'error';
  error: RunErrorInfo | undefined;
  notices: string[];
}

const MAIN_ID = 0;

/** The task's function has not settled yet (it may be booting). */
const functionRunning = (lane: Lane) => lane.phase === 'booting' || lane.phase === 'running';

export class LaneTable {
  private readonly lanes = new Map<number, Lane>();
  private readonly unjoined = new Map<number, UnjoinedFailure>();
  /** Main's module has settled and nothing is pending in its worker. */
  private mainQuiet = false;

  constructor() {
    this.lanes.set(MAIN_ID, { id: MAIN_ID, name: MAIN_LANE, pool: 0, phase: 'running', last: null, coalescer: new LaneCoalescer() });
  }

  get main(): Lane {
    return this.lanes.get(MAIN_ID)!;
  }

  get(id: number): Lane | undefined {
    return this.lanes.get(id);
  }

  all(): IterableIterator<Lane> {
    return this.lanes.values();
  }

  // ───────────── transitions ─────────────

  addTask(id: number, name: string, pool: number): Lane {
    const lane: Lane = { id, name, pool, phase: 'booting', last: null, coalescer: new LaneCoalescer() };
    this.lanes.set(id, lane);
    return lane;
  }

  /** A `phase` record: `started`, or the function's `finished`/`failed`. */
  phaseRecord(lane: Lane, phase: 'started' | 'finished' | 'failed'): void {
    if (phase === 'started') {
      if (lane.phase === 'booting') lane.phase = 'running';
    } else if (functionRunning(lane)) {
      lane.phase = 'function-done';
    }
  }

  /** `task-end`: the function has settled; with `keepAlive` its worker stays to listen for messages. */
  taskEnded(lane: Lane, keepAlive: boolean): void {
    if (lane.phase === 'ended') return;
    lane.phase = keepAlive ? 'listening' : 'function-done';
  }

  /** The lane's worker is gone. False when it already was (end each worker once). */
  end(lane: Lane): boolean {
    if (lane.phase === 'ended') return false;
    lane.phase = 'ended';
    return true;
  }

  /** Whether `terminate` interrupts a function that had not settled. */
  isFunctionRunning(lane: Lane): boolean {
    return functionRunning(lane);
  }

  setMainQuiet(quiet: boolean): void {
    this.mainQuiet = quiet;
  }

  failureUnjoined(id: number, failure: UnjoinedFailure): void {
    this.unjoined.set(id, failure);
  }

  failureJoined(id: number): void {
    this.unjoined.delete(id);
  }

  // ───────────── state events (the one place they are made) ─────────────

  /** A state change of `lane`: the state events it releases now (short segments are merged). */
  state(lane: Lane, change: { t: number; state: LaneState; on?: string | undefined }): WireEvent[] {
    const { on, ...rest } = change;
    return lane.coalescer.push(on ? { ...rest, on } : rest).map((shown) => stateEvent(lane, shown));
  }

  /** The held-back state events older than the merge window (all of them when `force`). */
  /** The earliest state change still held back by a lane's coalescer (Infinity: none). */
  heldSince(): number {
    let earliest = Infinity;
    for (const lane of this.lanes.values()) earliest = Math.min(earliest, lane.coalescer.heldSince ?? Infinity);
    return earliest;
  }

  flush(t: number, force = false): WireEvent[] {
    const events: WireEvent[] = [];
    for (const lane of this.lanes.values()) for (const shown of lane.coalescer.flush(t, force)) events.push(stateEvent(lane, shown));
    return events;
  }

  // ───────────── the end ─────────────

  /** Main is quiet and no task's function is still running (pool workers and finished listeners don't count). */
  isRunDone(): boolean {
    if (!this.mainQuiet) return false;
    for (const lane of this.lanes.values()) if (lane.id !== MAIN_ID && lane.pool === 0 && functionRunning(lane)) return false;
    return true;
  }

  /** How a run that ended by itself ends: a failed task nobody joined turns `done` into `error`. */
  outcome(state: 'done' | 'error', error?: RunErrorInfo): Outcome {
    if (state !== 'done' || this.unjoined.size === 0) return { state, error, notices: [] };
    const failures = [...this.unjoined.values()];
    return { state: 'error', error: failures[0]?.error, notices: failures.map((failure) => failure.text) };
  }

  /** Workers still busy or blocked at the end: they need ending by force. */
  lingering(): number {
    let count = 0;
    for (const lane of this.lanes.values())
      if (
        lane.phase !== 'ended' &&
        lane.last &&
        lane.last.state !== 'idle' &&
        (lane.id === MAIN_ID || functionRunning(lane) || lane.pool > 0)
      )
        count++;
    return count;
  }

  // ───────────── deadlocks ─────────────

  /** The lanes' part of the deadlock detector's snapshot (the hub adds the sync objects). */
  deadlockLanes(): Omit<RunSnapshot, 'objects'> {
    const lanes: RunSnapshot['lanes'] = [];
    const liveTasks = new Set<number>();
    const pools = new Map<number, number[]>();
    for (const lane of this.lanes.values()) {
      if (lane.id !== MAIN_ID && functionRunning(lane)) liveTasks.add(lane.id);
      if (lane.pool) pools.set(lane.pool, [...(pools.get(lane.pool) ?? []), lane.id]);
      const live =
        lane.id === MAIN_ID ? !this.mainQuiet : lane.phase !== 'ended' && (functionRunning(lane) || lane.pool > 0);
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
    return { lanes, liveTasks, pools };
  }
}

function stateEvent(lane: Lane, shown: { t: number; state: LaneState; on?: string }): WireEvent {
  return { type: 'state', t: shown.t, task: lane.name, state: shown.state, ...(shown.on ? { on: shown.on } : {}) };
}
