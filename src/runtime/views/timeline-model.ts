/**
 * What each task did when, built from the run's state and task events. Kept
 * apart from the DOM so it can be tested without a browser, and so the
 * timeline and its table alternative read the same data.
 */
import type { LaneState, StateEvent, TaskEvent } from '../../shared/protocol/index.ts';

export interface Segment {
  /** `idle` draws nothing: it only ends a segment. */
  state: Exclude<LaneState, 'idle'>;
  startMs: number;
  /** Undefined while the task is still in this state. */
  endMs: number | undefined;
}

export interface Lane {
  name: string;
  segments: Segment[];
  /** When the task ended (finished, failed or terminated), if it has. */
  endedMs: number | undefined;
}

/** Output lines marked on the time axis: as many as the output view keeps. */
const MAX_PRINT_MARKS = 5_000;

export class TimelineModel {
  readonly #lanes = new Map<string, Lane>();
  #printed: number[] = [];

  get lanes(): Lane[] {
    return [...this.#lanes.values()];
  }

  /** When each output line was printed (ms), in arrival order: the axis's marks. */
  get printed(): readonly number[] {
    return this.#printed;
  }

  clear(): void {
    this.#lanes.clear();
    this.#printed = [];
  }

  /** An output line printed at `atMs`. */
  print(atMs: number): void {
    if (this.#printed.length < MAX_PRINT_MARKS) this.#printed.push(atMs);
  }

  /** Takes one event of the run: a lane's state change, or a task's end. */
  add(event: StateEvent | TaskEvent): void {
    if (event.type === 'state') {
      if (event.state === 'idle') this.leave(event.task, event.t);
      else this.enter(event.task, event.state, event.t);
    } else if (event.phase === 'finished' || event.phase === 'failed' || event.phase === 'terminated') {
      this.end(event.task, event.t);
    }
  }

  /** Records that `task` entered `state` at `atMs`; the same state twice extends the segment. */
  enter(task: string, state: Segment['state'], atMs: number): void {
    const lane = this.#lane(task);
    const last = lane.segments[lane.segments.length - 1];
    if (last && last.endMs === undefined) {
      if (last.state === state) return;
      last.endMs = atMs;
    }
    lane.segments.push({ state, startMs: atMs, endMs: undefined });
  }

  /** The task stopped being in any state: it is idle (nothing to run, nothing awaited) or gone. */
  leave(task: string, atMs: number): void {
    const last = this.#lane(task).segments.at(-1);
    if (last && last.endMs === undefined) last.endMs = atMs;
  }

  end(task: string, atMs: number): void {
    this.leave(task, atMs);
    this.#lane(task).endedMs = atMs;
  }

  /** Closes every open segment, at the end of a run. */
  closeAll(atMs: number): void {
    for (const lane of this.#lanes.values()) this.leave(lane.name, atMs);
  }

  #lane(name: string): Lane {
    let lane = this.#lanes.get(name);
    if (!lane) {
      lane = { name, segments: [], endedMs: undefined };
      this.#lanes.set(name, lane);
    }
    return lane;
  }
}

/**
 * The segments worth drawing at a given width: anything narrower than
 * `minMs` is merged into the segment before it, so a task that toggles state a
 * million times still draws as a few hundred boxes.
 */
export function visibleSegments(segments: readonly Segment[], nowMs: number, minMs: number): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const end = s.endMs ?? nowMs;
    const prev = out[out.length - 1];
    if (prev && end - s.startMs < minMs && prev.endMs !== undefined && s.startMs - prev.endMs < minMs) {
      prev.endMs = end;
      continue;
    }
    out.push({ ...s, endMs: end });
  }
  return out;
}

/**
 * The time axis's ticks for a run of `spanMs` drawn `widthPx` wide: a round
 * step (1, 2 or 5 × 10^k ms) chosen so that labels stand at least `minGapPx`
 * apart, from 0 up to the span.
 */
export function axisTicks(spanMs: number, widthPx: number, minGapPx = 80): number[] {
  if (!(spanMs > 0) || !(widthPx > 0)) return [0];
  const most = Math.max(1, Math.floor(widthPx / minGapPx));
  const rough = spanMs / most;
  let step = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) {
    if (factor * step >= rough) {
      step *= factor;
      break;
    }
  }
  const ticks: number[] = [];
  // Whole multiples of the step, computed from the index so 0.1 × 3 stays 0.3.
  for (let i = 0; i * step <= spanMs + 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}
