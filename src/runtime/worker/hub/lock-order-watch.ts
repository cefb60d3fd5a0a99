import { LockOrder } from '../../../shared/lock-order.ts';
import type { LockNest } from '../../core/lock-trail.ts';

/**
 * The run's lock-order graph, in the hub (the one place that sees every
 * lane): fed by the `lock-nest` records the lanes write when they take a lock
 * while holding another (core/lock-trail.ts), it finds potential deadlocks
 * with the graph the explorer uses too (src/shared/lock-order.ts).
 *
 * A record carries the lane's whole held set, so it is replayed here as
 * "take the held locks (without edges: theirs were sent when they were
 * taken), take the new one, release them all": the graph gets exactly the
 * edges, guards included, that the lane formed.
 *
 * When they are said: at the run's end, before its `end` event, and only
 * if the run did not end in a real deadlock. A lane blocked in a real
 * deadlock never got its second lock, so that deadlock's own edges are
 * never in the graph; but a loop can form the cycle once and hang on the
 * next turn, and then the deadlock report (which names the cycle that did
 * happen) says all there is to say: a warning about a hang that "could"
 * happen beside one that did would only confuse. Runs ended by Stop or the
 * time limit lose the warning with the rest of their frame.
 */
export class LockOrderWatch {
  private readonly order = new LockOrder();
  private readonly said = new Set<string>();

  nest(lane: string, nest: LockNest): void {
    for (const held of nest.held) this.order.acquired(lane, held.lock, held.line, false);
    this.order.acquired(lane, nest.then.lock, nest.then.line, true);
    this.order.released(lane, nest.then.lock);
    for (const held of nest.held) this.order.released(lane, held.lock);
  }

  /** The messages of cycles not said before (each cycle once per run). */
  fresh(): string[] {
    const out: string[] = [];
    for (const found of this.order.potentialDeadlocks()) {
      if (this.said.has(found.key)) continue;
      this.said.add(found.key);
      out.push(found.message);
    }
    return out;
  }
}
