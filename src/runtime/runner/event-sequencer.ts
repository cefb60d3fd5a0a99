import type { WireEvent } from '../../shared/protocol/index.ts';

/**
 * Puts events from different workers into time order before the page sees
 * them. The hub already sends each batch sorted, but an event it learns of
 * by message (a spawn) can trail a console line written to a ring a moment
 * later. Holding each event for `windowMs` after arrival and releasing in
 * `t` order fixes that at the cost of a few tens of milliseconds of delay.
 *
 * That delay is only needed when several workers interleave. A batch that
 * comes with `settledBefore` (the hub promises that no event earlier than it
 * is still to come, which it can while `main` is the only lane) releases at
 * once every held event before that time: a single-lane run's first line
 * shows as soon as it arrives.
 */

export interface SequencerClock {
  now(): number;
  later(fn: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

const realClock: SequencerClock = {
  now: () => performance.now(),
  later: (fn, ms) => setTimeout(fn, ms),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class EventSequencer {
  private buffer: { event: WireEvent; arrived: number; order: number }[] = [];
  private timer: unknown = null;
  private order = 0;
  private readonly deliver: (events: WireEvent[]) => void;
  private readonly windowMs: number;
  private readonly clock: SequencerClock;

  constructor(deliver: (events: WireEvent[]) => void, windowMs = 30, clock: SequencerClock = realClock) {
    this.deliver = deliver;
    this.windowMs = windowMs;
    this.clock = clock;
  }

  push(events: readonly WireEvent[], settledBefore?: number): void {
    const arrived = this.clock.now();
    for (const event of events) this.buffer.push({ event, arrived, order: this.order++ });
    if (settledBefore !== undefined) this.releaseSettled(settledBefore);
    this.schedule();
  }

  /** Releases everything now, in order (at the end of a run). */
  flushAll(): void {
    if (this.timer !== null) this.clock.cancel(this.timer);
    this.timer = null;
    this.release(Infinity);
  }

  private schedule(): void {
    if (this.timer !== null || this.buffer.length === 0) return;
    this.timer = this.clock.later(() => {
      this.timer = null;
      this.release(this.clock.now() - this.windowMs);
      this.schedule();
    }, this.windowMs);
  }

  private releaseSettled(before: number): void {
    const going = this.buffer.filter((item) => item.event.t < before);
    if (going.length === 0) return;
    this.buffer = this.buffer.filter((item) => !(item.event.t < before));
    going.sort((a, b) => a.event.t - b.event.t || a.order - b.order);
    this.deliver(going.map((item) => item.event));
    if (this.buffer.length === 0 && this.timer !== null) {
      this.clock.cancel(this.timer);
      this.timer = null;
    }
  }

  private release(arrivedBy: number): void {
    const ready = this.buffer.filter((item) => item.arrived <= arrivedBy);
    if (ready.length === 0) return;
    // Anything not yet due but no later than what goes out now may go too.
    const horizon = Math.max(...ready.map((item) => item.event.t));
    const going = this.buffer.filter((item) => item.arrived <= arrivedBy || item.event.t <= horizon);
    this.buffer = this.buffer.filter((item) => !(item.arrived <= arrivedBy || item.event.t <= horizon));
    going.sort((a, b) => a.event.t - b.event.t || a.order - b.order);
    this.deliver(going.map((item) => item.event));
  }
}
