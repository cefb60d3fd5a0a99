/**
 * Happens-before in one explored execution, with vector clocks (one per
 * lane, indexed by lane index). A lane's own entry counts its releases, so an
 * access is named by an epoch (lane, own entry) and is ordered before a lane
 * whose clock has reached that entry (FastTrack, Flanagan & Freund 2009).
 *
 * The edges come from the models (models.ts) and the runtime (runtime.ts):
 * spawn (the child starts with its parent's clock), join (the joiner takes
 * the task's last clock), a Mutex's unlock → its next lock, a Semaphore's
 * releases → its acquires, a Channel's send → the receive that takes that
 * value (and close → a receive that sees it closed; a receive → a sender
 * that waited for it), every Atomics operation on a cell (a store or
 * read-modify-write releases into the cell's clock, every one acquires it),
 * Atomics.notify → the wait it wakes, a Pool's submit → the job's start and
 * the job's end → its result. Timers and promises stay in their lane:
 * program order.
 */

export type Clock = number[];

/** `into` ⊔= `from`, in place. */
export function joinInto(into: Clock, from: Clock | undefined): void {
  if (!from) return;
  while (into.length < from.length) into.push(0);
  for (let i = 0; i < from.length; i++) if (from[i]! > into[i]!) into[i] = from[i]!;
}

export class HappensBefore {
  readonly #clocks: Clock[] = [];
  /** Atomics cells: buffer → byte → the clock of what was released into that cell. */
  readonly #cells = new Map<ArrayBufferLike, Map<number, Clock>>();

  /** A new lane: it starts where its parent stands (spawn), or from nothing; the parent's next accesses come after. */
  laneAdded(lane: number, parent?: number): void {
    const clock: Clock = parent === undefined ? [] : [...this.#clocks[parent]!];
    while (clock.length <= lane) clock.push(0);
    clock[lane] = 1;
    this.#clocks[lane] = clock;
    if (parent !== undefined) this.#tick(parent);
  }

  clockOf(lane: number): Clock {
    return this.#clocks[lane]!;
  }

  /** The lane's own entry: the epoch of its next access. */
  epoch(lane: number): number {
    return this.#clocks[lane]![lane]!;
  }

  /** Is an access at epoch (`lane`, `clock`) ordered before what `by` does now? */
  ordered(lane: number, clock: number, by: number): boolean {
    return lane === by || clock <= (this.#clocks[by]![lane] ?? 0);
  }

  /** `lane` acquires what was released into `from`. */
  acquire(lane: number, from: Clock | undefined): void {
    joinInto(this.#clocks[lane]!, from);
  }

  /** `lane` releases: a copy of its clock for a hand-off that carries exactly this moment (a message, a job). */
  release(lane: number): Clock {
    const snapshot = [...this.#clocks[lane]!];
    this.#tick(lane);
    return snapshot;
  }

  /** `lane` releases into an accumulating clock (a semaphore, a channel's receives); returns it, made if missing. */
  releaseInto(lane: number, into: Clock | undefined): Clock {
    const target = into ?? [];
    joinInto(target, this.#clocks[lane]);
    this.#tick(lane);
    return target;
  }

  /** An Atomics operation on the cell at (`buffer`, `byte`): seq-cst, so it acquires; a write also releases. */
  atomic(lane: number, buffer: ArrayBufferLike, byte: number, writes: boolean): void {
    let cells = this.#cells.get(buffer);
    if (!cells) this.#cells.set(buffer, (cells = new Map<number, Clock>()));
    const cell = cells.get(byte);
    joinInto(this.#clocks[lane]!, cell);
    if (writes) cells.set(byte, this.releaseInto(lane, cell));
  }

  #tick(lane: number): void {
    const clock = this.#clocks[lane]!;
    clock[lane] = clock[lane]! + 1;
  }
}
