import type { LaneState, RunEvent, RunTotals, WireEvent } from './protocol/index.ts';

/**
 * How long, in all, at least one worker of the run was starting: the union of
 * each task's spawned → started interval. It is the browser's cost (several
 * times larger on a busy machine), not the snippet's, so exercise checks on
 * time and utilisation leave it out.
 */
export function workerStartupMs(events: readonly RunEvent[]): number {
  const spawned = new Map<string, number>();
  const intervals: [number, number][] = [];
  for (const event of events) {
    if (event.type !== 'task') continue;
    if (event.phase === 'spawned') spawned.set(event.task, event.t);
    else if (event.phase === 'started' && spawned.has(event.task)) intervals.push([spawned.get(event.task)!, event.t]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of intervals) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

/**
 * Totals of a run computed from its event stream alone, so the runner's
 * final figures and a view's live read-out always agree. Feed every event in
 * order; ask for `totals(t)` at any time (open `running` segments count up
 * to `t`).
 */
export class TimingAccumulator {
  private readonly lanes = new Map<string, { state: LaneState; since: number; activeMs: number }>();
  private closedActiveMs = 0;

  add(event: RunEvent | WireEvent): void {
    if (event.type === 'state') {
      this.enter(event.task, event.state, event.t);
    } else if (event.type === 'task') {
      if (event.phase === 'spawned' || event.phase === 'started') this.lane(event.task, event.t);
      else this.enter(event.task, 'idle', event.t);
    }
  }

  /** Lanes that ran (or were started to run) learner code. */
  get workers(): number {
    return this.lanes.size;
  }

  totals(t: number): RunTotals {
    let activeMs = this.closedActiveMs;
    for (const lane of this.lanes.values()) {
      activeMs += lane.activeMs;
      if (lane.state === 'running' && t > lane.since) activeMs += t - lane.since;
    }
    const wallMs = Math.max(0, t);
    return {
      wallMs: round(wallMs),
      activeMs: round(activeMs),
      workers: this.lanes.size,
      utilization: wallMs > 0 ? round(activeMs / wallMs, 1000) : 0,
    };
  }

  private lane(task: string, t: number) {
    let lane = this.lanes.get(task);
    if (!lane) {
      lane = { state: 'idle', since: t, activeMs: 0 };
      this.lanes.set(task, lane);
    }
    return lane;
  }

  private enter(task: string, state: LaneState, t: number) {
    const lane = this.lane(task, t);
    if (lane.state === 'running' && t > lane.since) lane.activeMs += t - lane.since;
    lane.state = state;
    lane.since = t;
  }
}

function round(value: number, scale = 10): number {
  return Math.round(value * scale) / scale;
}
