/**
 * Run ×N: each run's outcome (its last logged line) counted, so a race shows
 * as a spread of answers rather than one lucky one.
 */
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
