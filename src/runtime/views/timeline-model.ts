/**
 * What each task did when, built from state-change events. Kept apart from the
 * DOM so it can be tested without a browser, and so the timeline and its table
 * alternative read the same data.
 */
export type TaskState = 'running' | 'waiting' | 'sleeping';

export interface Segment {
  state: TaskState;
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

export class TimelineModel {
  readonly #lanes = new Map<string, Lane>();

  get lanes(): Lane[] {
    return [...this.#lanes.values()];
  }

  clear(): void {
    this.#lanes.clear();
  }

  /** Records that `task` entered `state` at `atMs`; the same state twice extends the segment. */
  enter(task: string, state: TaskState, atMs: number): void {
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
