/**
 * Run ×N: each run's outcome (its last logged line) counted, so a race shows
 * as a spread of answers rather than one lucky one; with a declaration of
 * what the outcomes mean (src/shared/outcomes.ts), the rows of a labelled table.
 */
import { ANY_OTHER, labelOf, unseenOutcomes, type LabelledOutcome, type OutcomeDeclaration } from '../../shared/outcomes.ts';

export interface Bucket {
  outcome: string;
  count: number;
}

export class OutcomeCounter {
  readonly #counts = new Map<string, number>();
  #runs = 0;

  get runs(): number {
    return this.#runs;
  }

  add(outcome: string | undefined): void {
    const key = outcome ?? '(no output)';
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    this.#runs++;
  }

  /** Most frequent first; ties keep the order in which outcomes first appeared. */
  buckets(limit = 12): { shown: Bucket[]; otherCount: number } {
    const all = [...this.#counts].map(([outcome, count]) => ({ outcome, count }));
    all.sort((a, b) => b.count - a.count);
    const shown = all.slice(0, limit);
    const otherCount = all.slice(limit).reduce((n, b) => n + b.count, 0);
    return { shown, otherCount };
  }
}

export interface Range {
  /** e.g. `count = 197109 … 224153` */
  label: string;
  from: number;
  to: number;
  count: number;
}

const NUMBERED = /^(.*?)(-?\d+(?:\.\d+)?)(\D*)$/;

/**
 * When runs disagree in one number ("count = 239011", "count = 254227", …),
 * one bar per value says little: the spread is the point. Values seen more
 * than once (the right answer, usually) keep their own bar; the rest are
 * grouped into at most `bins` equal ranges. Undefined when the outcomes do
 * not share one text around one number, or are few enough to list.
 */
export function binOutcomes(
  buckets: readonly Bucket[],
  bins = 8,
  listLimit = 12,
): { exact: Bucket[]; ranges: Range[] } | undefined {
  if (buckets.length <= listLimit) return undefined;
  const parsed = buckets.map((b) => ({ bucket: b, match: NUMBERED.exec(b.outcome) }));
  const first = parsed[0]?.match;
  if (!first || parsed.some((p) => !p.match || p.match[1] !== first[1] || p.match[3] !== first[3])) return undefined;
  const exact = buckets.filter((b) => b.count > 1);
  const singles = parsed.filter((p) => p.bucket.count === 1).map((p) => Number(p.match![2]));
  if (singles.length === 0) return undefined;
  const low = Math.min(...singles);
  const high = Math.max(...singles);
  const width = (high - low) / bins || 1;
  const ranges: Range[] = [];
  for (const value of singles) {
    const index = Math.min(bins - 1, Math.floor((value - low) / width));
    const from = low + index * width;
    let range = ranges.find((r) => r.from === from);
    if (!range) {
      range = { label: '', from, to: from + width, count: 0 };
      ranges.push(range);
    }
    range.count++;
  }
  ranges.sort((a, b) => a.from - b.from);
  for (const r of ranges) r.label = `${first[1]}${Math.round(r.from)} … ${Math.round(r.to)}${first[3]}`;
  return { exact, ranges };
}

/** One row of the labelled table: an outcome, a range of them, or the rest lumped; with what it means. */
export interface OutcomeRow {
  /** As shown: the outcome, a range's `count = 197109 … 224153`, or `any other outcome`. */
  name: string;
  count: number;
  /** The exact outcome (a last line or `(state)`), for one outcome; absent for a range, a lump or the catch-all. */
  outcome?: string;
  range?: { from: number; to: number };
  /** Several outcomes the table could neither list nor group. */
  other?: boolean;
  meaning?: LabelledOutcome;
}

/**
 * Run ×N as a jcstress table, for a playground that declares its outcomes.
 * An outcome a key names exactly always keeps its own row (the right answer
 * seen once must not vanish into a range of wrong ones); the rest are listed,
 * or grouped into ranges as the bars are (binOutcomes). Declared outcomes
 * never seen follow with a count of 0: that the right answer never came is
 * the lesson.
 */
export function outcomeRows(counter: OutcomeCounter, declaration: OutcomeDeclaration, limit = 12): OutcomeRow[] {
  const all = counter.buckets(Number.MAX_SAFE_INTEGER).shown;
  const row = (b: Bucket): OutcomeRow => ({ name: b.outcome, count: b.count, outcome: b.outcome, meaning: labelOf(declaration, b.outcome, 'run') });
  const named = all.filter((b) => { const key = labelOf(declaration, b.outcome, 'run')?.key; return key !== undefined && key !== ANY_OTHER; });
  const rest = all.filter((b) => !named.includes(b));
  const rows = named.map(row);
  const binned = binOutcomes(rest, 8, limit);
  if (binned) {
    rows.push(...binned.exact.map(row));
    // Every grouped outcome is a done line no key names: the catch-all's, if any.
    const meaning = rest[0] && labelOf(declaration, rest[0].outcome, 'run');
    rows.push(...binned.ranges.map((r) => ({ name: r.label, count: r.count, range: { from: r.from, to: r.to }, meaning })));
  } else {
    rows.push(...rest.slice(0, limit).map(row));
    const lumped = rest.slice(limit);
    if (lumped.length > 0) {
      const meanings = new Set(lumped.map((b) => labelOf(declaration, b.outcome, 'run')?.key));
      rows.push({
        name: `${lumped.length} other outcomes`,
        count: lumped.reduce((n, b) => n + b.count, 0),
        other: true,
        meaning: meanings.size === 1 ? labelOf(declaration, lumped[0]!.outcome, 'run') : undefined,
      });
    }
  }
  for (const unseen of unseenOutcomes(declaration, all.map((b) => b.outcome), 'run')) {
    rows.push({ name: unseen.name, count: 0, outcome: unseen.meaning.key === ANY_OTHER ? undefined : unseen.name, meaning: unseen.meaning });
  }
  return rows;
}
