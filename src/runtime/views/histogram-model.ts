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
