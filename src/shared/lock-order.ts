/**
 * The lock-order graph: potential deadlocks from the order in which lanes
 * take locks, on a run that did not hang (the idea of ThreadSanitizer's
 * deadlock detector and of Goodlock). Every time a lane takes lock B while
 * it holds lock A, the graph gets an edge A → B for that lane. A cycle whose
 * edges belong to different lanes means that some other timing lets each lane
 * take its first lock and then wait for the next one forever.
 *
 * Two refinements keep it quiet on correct code:
 * - a *guard*: when every edge of a cycle was taken while holding one and the
 *   same other lock, the lanes cannot be inside the cycle together;
 * - a lock taken with `tryLock`/`tryAcquire` never waits, so it adds no edge
 *   (it still counts as held).
 * Semaphores count as locks: a lane holds one from its acquire until it
 * releases it. A permit released by a lane that never took it (signalling)
 * changes nothing for the acquirer, so a signalling semaphore stays "held"
 * by its acquirer: the real bug this finds is taking a mutex and then
 * waiting on such a semaphore in one lane, and the reverse in another.
 *
 * Used by real runs (the hub) and by the explorer, so both say the same thing.
 */

export interface LockSite {
  /** The lock's display name, as the runtime names it: `mutex A`, `semaphore #2`. */
  lock: string;
  /** 1-based line of the snippet where it was taken, when known. */
  line?: number | undefined;
}

export interface LockOrderEdge {
  lane: string;
  /** The lock the lane held … */
  first: LockSite;
  /** … when it took this one. */
  then: LockSite;
  /** The other locks it held at that moment. */
  guards: string[];
}

export interface PotentialDeadlock {
  /** The same cycle gives the same key, whatever edge it was found from. */
  key: string;
  edges: LockOrderEdge[];
  /** `Potential deadlock: worker-1 took mutex A (line 5) then mutex B (line 6); worker-2 took …. A different timing would hang.` */
  message: string;
}

/** Cycles longer than this are not searched for (a run has at most 64 lanes, but a course cycle has 2–5). */
const MAX_CYCLE = 8;
/** Enough for any snippet of the course; past it the graph stops growing rather than slowing a run. */
const MAX_EDGES = 2_000;

export class LockOrder {
  /** lane → the locks it holds, oldest first, with how many times (a semaphore can be held more than once). */
  private readonly held = new Map<string, Map<string, { site: LockSite; count: number }>>();
  /** `lane\u0000A\u0000B` → the first time that lane took B while holding A. */
  private readonly edges = new Map<string, LockOrderEdge>();

  /** `lane` took `lock` at `line`. `blocking` is false for tryLock/tryAcquire, which never wait. */
  acquired(lane: string, lock: string, line?: number, blocking = true): void {
    let held = this.held.get(lane);
    if (!held) {
      held = new Map<string, { site: LockSite; count: number }>();
      this.held.set(lane, held);
    }
    const site: LockSite = { lock, line };
    if (blocking && this.edges.size < MAX_EDGES) {
      for (const [name, h] of held) {
        if (name === lock) continue;
        const key = `${lane}\u0000${name}\u0000${lock}`;
        if (this.edges.has(key)) continue;
        const guards = [...held.keys()].filter((g) => g !== name && g !== lock);
        this.edges.set(key, { lane, first: h.site, then: site, guards });
      }
    }
    const mine = held.get(lock);
    if (mine) mine.count++;
    else held.set(lock, { site, count: 1 });
  }

  /** `lane` released `lock`. A release by a lane that does not hold it (a semaphore's signal) is ignored. */
  released(lane: string, lock: string): void {
    const held = this.held.get(lane);
    const mine = held?.get(lock);
    if (!held || !mine) return;
    if (--mine.count <= 0) held.delete(lock);
  }

  /** Every distinct cycle in the graph whose edges come from different lanes and share no guard. */
  potentialDeadlocks(): PotentialDeadlock[] {
    const out = new Map<string, PotentialDeadlock>();
    const from = new Map<string, LockOrderEdge[]>();
    for (const edge of this.edges.values()) {
      const list = from.get(edge.first.lock);
      if (list) list.push(edge);
      else from.set(edge.first.lock, [edge]);
    }
    const path: LockOrderEdge[] = [];
    const walk = (start: string, at: string): void => {
      for (const edge of from.get(at) ?? []) {
        if (path.some((e) => e.lane === edge.lane)) continue;
        if (path.some((e) => e.guards.some((g) => edge.guards.includes(g)))) continue;
        // Each cycle is found from its smallest lock only, so it is walked once per rotation.
        if (edge.then.lock < start) continue;
        if (edge.then.lock === start) {
          const cycle = [...path, edge];
          if (cycle.length < 2) continue;
          const key = cycle.map((e) => `${e.lane}:${e.first.lock}>${e.then.lock}`).join('|');
          if (!out.has(key)) out.set(key, { key, edges: cycle, message: describe(cycle) });
          continue;
        }
        if (path.length + 1 >= MAX_CYCLE || path.some((e) => e.first.lock === edge.then.lock)) continue;
        path.push(edge);
        walk(start, edge.then.lock);
        path.pop();
      }
    };
    for (const start of [...from.keys()].sort()) walk(start, start);
    return [...out.values()];
  }
}

const at = (site: LockSite): string => (site.line === undefined ? site.lock : `${site.lock} (line ${site.line})`);

function describe(cycle: LockOrderEdge[]): string {
  const parts = cycle.map((e) => `${e.lane} took ${at(e.first)} then ${at(e.then)}`);
  return `Potential deadlock: ${parts.join('; ')}. A different timing would hang.`;
}
