import type { LaneState } from '../../../shared/protocol/index.ts';

/**
 * Merges a lane's state changes before they reach the page: a segment
 * shorter than `minMs` (a message handled between two idle probes, a lock
 * taken after a few microseconds of waiting) is folded into its neighbours,
 * so a busy pool or a contended lock yields a readable timeline and a
 * bounded number of events. The last change is held back until it is
 * `minMs` old, because until then it may still be folded away.
 */

export interface LaneChange {
  t: number;
  state: LaneState;
  on?: string;
}

export const MIN_SEGMENT_MS = 1;

export class LaneCoalescer {
  private pending: LaneChange | null = null;
  private emitted: LaneChange | null = null;
  private readonly minMs: number;

  constructor(minMs = MIN_SEGMENT_MS) {
    this.minMs = minMs;
  }

  push(change: LaneChange): LaneChange[] {
    const out: LaneChange[] = [];
    if (this.pending && change.t - this.pending.t < this.minMs) {
      // The pending segment was too short to show: drop it; the segment
      // before it now runs until this change.
      this.pending = null;
    } else if (this.pending) {
      this.commit(this.pending, out);
      this.pending = null;
    }
    if (!sameAs(change, this.emitted)) this.pending = change;
    return out;
  }

  /** The time of the change held back, if any: an event with this `t` may still come. */
  get heldSince(): number | undefined {
    return this.pending?.t;
  }

  /** Releases the held-back change once it is old enough (or now, if `force`). */
  flush(now: number, force = false): LaneChange[] {
    const out: LaneChange[] = [];
    if (this.pending && (force || now - this.pending.t >= this.minMs)) {
      this.commit(this.pending, out);
      this.pending = null;
    }
    return out;
  }

  private commit(change: LaneChange, out: LaneChange[]): void {
    if (sameAs(change, this.emitted)) return;
    this.emitted = change;
    out.push(change);
  }
}

function sameAs(a: LaneChange, b: LaneChange | null): boolean {
  return b !== null && a.state === b.state && a.on === b.on;
}
