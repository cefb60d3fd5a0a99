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

export class LockTrail {
  // The held locks, oldest first, in `size` entries of parallel arrays: taking and
  // releasing a lock allocates nothing (mutex-count.ts does it 200,000 times), and
  // a lane that holds no other lock takes the first branch of each method.
  private ids = new Int32Array(8);
  /** Line of each held lock, 0 when unknown. */
  private lines = new Int32Array(8);
  private counts = new Int32Array(8);
  private readonly names: string[] = [];
  private size = 0;
  /** `heldId>takenId` pairs already sent: LockOrder keeps only the first edge of a pair anyway. */
  private readonly sent = new Set<string>();
  private readonly send: (nest: LockNest) => void;

  constructor(send: (nest: LockNest) => void) {
    this.send = send;
  }

  /** This lane took lock `id`; `blocking` is false for tryLock/tryAcquire (they never wait, so add no edge). */
  acquired(id: number, name: string, line: number | undefined, blocking: boolean): void {
    if (this.size === 0) {
      this.ids[0] = id;
      this.names[0] = name;
      this.lines[0] = line ?? 0;
      this.counts[0] = 1;
      this.size = 1;
      return;
    }
    const at = this.indexOf(id);
    if (blocking && this.size > (at >= 0 ? 1 : 0)) this.nest(id, name, line);
    if (at >= 0) {
      this.counts[at]!++;
      return;
    }
    if (this.size === this.ids.length) this.grow();
    const n = this.size++;
    this.ids[n] = id;
    this.names[n] = name;
    this.lines[n] = line ?? 0;
    this.counts[n] = 1;
  }

  /** This lane released lock `id`; a release of a lock it does not hold (a semaphore's signal) is ignored. */
  released(id: number): void {
    if (this.size === 1 && this.ids[0] === id) {
      if (--this.counts[0]! === 0) this.size = 0;
      return;
    }
    const at = this.indexOf(id);
    if (at < 0 || --this.counts[at]! > 0) return;
    this.ids.copyWithin(at, at + 1, this.size);
    this.lines.copyWithin(at, at + 1, this.size);
    this.counts.copyWithin(at, at + 1, this.size);
    this.names.splice(at, 1);
    this.size--;
  }

  private indexOf(id: number): number {
    for (let i = 0; i < this.size; i++) if (this.ids[i] === id) return i;
    return -1;
  }

  private grow(): void {
    const grown = (old: Int32Array) => {
      const next = new Int32Array(old.length * 2);
      next.set(old);
      return next;
    };
    this.ids = grown(this.ids);
    this.lines = grown(this.lines);
    this.counts = grown(this.counts);
  }

  private nest(id: number, name: string, line: number | undefined): void {
    let fresh = false;
    const held: LockSiteRecord[] = [];
    for (let i = 0; i < this.size; i++) {
      const other = this.ids[i]!;
      if (other === id) continue;
      const l = this.lines[i]!;
      held.push(l === 0 ? { lock: this.names[i]! } : { lock: this.names[i]!, line: l });
      const key = `${other}>${id}`;
      if (this.sent.has(key)) continue;
      this.sent.add(key);
      fresh = true;
    }
    if (fresh) this.send({ held, then: line === undefined ? { lock: name } : { lock: name, line } });
  }
}
