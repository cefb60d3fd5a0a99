/**
 * The locks a worker holds, kept in the worker itself, so the lock-order
 * graph (src/shared/lock-order.ts, in the hub) costs a real run almost
 * nothing: a lock taken while the lane holds no other adds no edge and sends
 * nothing; only a lock taken *while holding another* (a nesting) that this
 * lane has not nested that way before writes one `lock-nest` record to the
 * event ring. mutex-count.ts takes one lock 200,000 times and never nests.
 *
 * Line numbers: `lock()` is too hot for `new Error().stack` on every call,
 * and the first lock of a nesting is taken before anyone knows a nesting will
 * follow. So the transpiler (worker/transpile.ts) marks every call of a lock
 * method in the learner's code with its snippet line: `m.lock()` becomes
 * `__rcL(5,m).lock()` (a call that starts with a name, so a line without a
 * semicolon before it cannot be glued onto it). The marker stores the line
 * in a variable and hands back its object: a tiny call the JIT inlines. The
 * lock takes the line and clears it, so a lock the runtime takes internally
 * is never given a stale line. Spawned functions travel as the transpiled
 * text, markers included, so their lines are the snippet's too.
 */

/** The global the transpiler's marker calls. */
export const LOCK_LINE_MARKER = '__rcL';

let pendingLine = 0;

function markLockLine<T>(line: number, target: T): T {
  pendingLine = line;
  return target;
}

/** Defines the marker's global in this worker, before any learner code. */
export function installLockLine(): void {
  (globalThis as unknown as Record<string, unknown>)[LOCK_LINE_MARKER] = markLockLine;
}

/** The line the learner's lock call was made from, if it was marked (and clears it). */
export function takeLockLine(): number | undefined {
  const line = pendingLine;
  if (line === 0) return undefined;
  pendingLine = 0;
  return line;
}

export interface LockSiteRecord {
  lock: string;
  line?: number | undefined;
}

/** What a nesting sends the hub: the locks held (oldest first) and the one just taken, with a blocking call. */
export interface LockNest {
  held: LockSiteRecord[];
  then: LockSiteRecord;
}

interface Held {
  id: number;
  site: LockSiteRecord;
  count: number;
}

export class LockTrail {
  private readonly held: Held[] = [];
  /** `heldId>takenId` pairs already sent: LockOrder keeps only the first edge of a pair anyway. */
  private readonly sent = new Set<string>();
  private readonly send: (nest: LockNest) => void;

  constructor(send: (nest: LockNest) => void) {
    this.send = send;
  }

  /** This lane took lock `id`; `blocking` is false for tryLock/tryAcquire (they never wait, so add no edge). */
  acquired(id: number, name: string, line: number | undefined, blocking: boolean): void {
    const held = this.held;
    let mine: Held | undefined;
    for (const h of held) if (h.id === id) mine = h;
    if (blocking && held.length > (mine ? 1 : 0)) this.nest(id, name, line);
    if (mine) mine.count++;
    else held.push({ id, site: line === undefined ? { lock: name } : { lock: name, line }, count: 1 });
  }

  /** This lane released lock `id`; a release of a lock it does not hold (a semaphore's signal) is ignored. */
  released(id: number): void {
    const held = this.held;
    for (let i = 0; i < held.length; i++) {
      const h = held[i]!;
      if (h.id !== id) continue;
      if (--h.count <= 0) held.splice(i, 1);
      return;
    }
  }

  private nest(id: number, name: string, line: number | undefined): void {
    let fresh = false;
    for (const h of this.held) {
      if (h.id === id) continue;
      const key = `${h.id}>${id}`;
      if (this.sent.has(key)) continue;
      this.sent.add(key);
      fresh = true;
    }
    if (!fresh) return;
    this.send({
      held: this.held.filter((h) => h.id !== id).map((h) => h.site),
      then: line === undefined ? { lock: name } : { lock: name, line },
    });
  }
}
