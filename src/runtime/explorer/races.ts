import type { ExploreRace } from '../../shared/protocol/explore.ts';
import type { HappensBefore } from './happens-before.ts';

/**
 * The data-race check of one explored execution: a shadow per shared cell
 * (FastTrack's: the last write's epoch, and the last read of each lane), so
 * every access is checked against what came before it on that cell in
 * constant time per lane. Two accesses race when they touch the same cell,
 * at least one writes, at least one is plain (not Atomics), they come from
 * two lanes, and happens-before (happens-before.ts) orders neither.
 *
 * A cell is (buffer, first byte of the element): views of different element
 * sizes over one buffer are not compared with each other. Memory is bounded:
 * past MAX_CELLS cells an execution follows no new cell, and says so.
 */

/** Cells one execution follows; the course's arrays have a handful. */
export const MAX_CELLS = 4_096;

export interface Access {
  lane: number;
  laneName: string;
  /** The lane's epoch at the access. */
  epoch: number;
  line: number;
  write: boolean;
  /** `load`, `store`, `add` … for an Atomics access, else ''. */
  atomic: string;
}

interface Shadow {
  write: Access | null;
  /** The last read of each lane that is not yet ordered before a later write. */
  reads: Access[];
}

export class RaceCheck {
  readonly #hb: HappensBefore;
  readonly #cells = new Map<ArrayBufferLike, Map<number, Shadow>>();
  #count = 0;
  /** Set once a cell was not followed (the cap). */
  capped = false;
  /** This execution's races, each once, in the order found, by key (the cell, and the two accesses' lines and kinds: the same over a whole search). */
  readonly found = new Map<string, ExploreRace>();

  constructor(hb: HappensBefore) {
    this.#hb = hb;
  }

  /** Checks `access` to `view[index]` (at `byte` of its buffer; `name`: the view's name in the code) against the cell's shadow, then records it. */
  access(view: ArrayBufferView, index: number, byte: number, name: string, access: Access): void {
    const buffer = view.buffer;
    let cells = this.#cells.get(buffer);
    if (!cells) this.#cells.set(buffer, (cells = new Map<number, Shadow>()));
    let shadow = cells.get(byte);
    if (!shadow) {
      if (this.#count >= MAX_CELLS) {
        this.capped = true;
        return;
      }
      this.#count++;
      shadow = { write: null, reads: [] };
      cells.set(byte, shadow);
    }
    const hb = this.#hb;
    const by = access.lane;
    const last = shadow.write;
    if (last && (!last.atomic || !access.atomic) && !hb.ordered(last.lane, last.epoch, by)) this.#race(view, index, name, last, access);
    if (access.write) {
      const reads = shadow.reads;
      let kept = 0;
      for (const read of reads) {
        if (hb.ordered(read.lane, read.epoch, by)) continue;
        if (!read.atomic || !access.atomic) this.#race(view, index, name, read, access);
        reads[kept++] = read;
      }
      reads.length = kept;
      shadow.write = access;
    } else {
      const reads = shadow.reads;
      const mine = reads.findIndex((r) => r.lane === by);
      if (mine >= 0) reads[mine] = access;
      else reads.push(access);
    }
  }

  #race(view: ArrayBufferView, index: number, name: string, first: Access, second: Access): void {
    // Named as the code names it, else by its type (the words are made only for a race).
    const cell = /^[\w$.]+$/.test(name) ? `${name}[${index}]` : `${view.constructor.name}[${index}]`;
    // The same two accesses (lines and kinds) on the same cell are one race, whichever came first.
    const a = `${first.line}:${kind(first)}`;
    const b = `${second.line}:${kind(second)}`;
    const key = `${cell}\u0000${a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`}`;
    if (this.found.has(key)) return;
    this.found.set(key, {
      message: `Data race on ${cell}: ${first.laneName} ${verb(first)} at line ${first.line}, ${second.laneName} ${verb(second)} at line ${second.line}, and nothing orders the two.`,
      lines: first.line <= second.line ? [first.line, second.line] : [second.line, first.line],
      cell,
      lanes: [first.laneName, second.laneName],
    });
  }
}

function kind(access: Access): string {
  return `${access.write ? 'w' : 'r'}${access.atomic}`;
}

function verb(access: Access): string {
  const plain = access.write ? 'writes it' : 'reads it';
  return access.atomic ? `${plain} with Atomics.${access.atomic}` : plain;
}
