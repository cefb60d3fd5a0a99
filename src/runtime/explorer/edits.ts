/**
 * Source edits by position, applied in one pass: replacements of small
 * ranges (a bracket, a keyword) and insertions that open or close a wrapped
 * node. Nested wraps that start (or end) at the same position nest in the
 * right order: at one position, closing text of inner nodes comes first, then
 * opening text of outer nodes before inner ones, then a replacement that
 * starts there (the head of the innermost node, e.g. `function` → `function*`).
 */

interface Edit {
  start: number;
  end: number;
  text: string;
  /** 0: closes a node (inner first) · 1: opens a node (outer first) · 2: replaces a range. */
  phase: 0 | 1 | 2;
  depth: number;
  order: number;
}

export class SourceEdits {
  readonly #edits: Edit[] = [];

  readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  open(pos: number, text: string, depth: number): void {
    this.#push({ start: pos, end: pos, text, phase: 1, depth });
  }

  close(pos: number, text: string, depth: number): void {
    this.#push({ start: pos, end: pos, text, phase: 0, depth });
  }

  replace(start: number, end: number, text: string): void {
    this.#push({ start, end, text, phase: 2, depth: 0 });
  }

  #push(edit: Omit<Edit, 'order'>): void {
    this.#edits.push({ ...edit, order: this.#edits.length });
  }

  apply(): string {
    return this.#render(this.#edits, 0, this.source.length);
  }

  /**
   * The text of `[start, end)` with the edits inside it, leaving out what
   * outer nodes (depth below `depth`) open at `start` or close at `end`.
   */
  applyWithin(start: number, end: number, depth: number): string {
    const inside = this.#edits.filter((e) => {
      if (e.start < start || e.end > end) return false;
      if (e.phase === 1 && e.start === start && e.depth < depth) return false;
      if (e.phase === 0 && e.start === end && e.depth < depth) return false;
      if (e.phase === 0 && e.start === start) return false;
      if (e.phase === 1 && e.start === end) return false;
      return true;
    });
    return this.#render(inside, start, end);
  }

  #render(list: readonly Edit[], from: number, to: number): string {
    const edits = [...list].sort(
      (a, b) =>
        a.start - b.start ||
        a.phase - b.phase ||
        (a.phase === 0 ? b.depth - a.depth : a.phase === 1 ? a.depth - b.depth : 0) ||
        a.order - b.order,
    );
    let out = '';
    let at = from;
    for (const edit of edits) {
      if (edit.start < at) throw new Error(`overlapping source edits at ${edit.start}`);
      out += this.source.slice(at, edit.start) + edit.text;
      at = edit.end;
    }
    return out + this.source.slice(at, to);
  }
}
