import type { OutcomeDeclaration } from '../../shared/outcomes.ts';
import { binOutcomes, outcomeRows, type OutcomeCounter } from './histogram-model.ts';
import { outcomeTable } from './outcome-table-view.ts';

/**
 * Draws the outcome counts as a bar list; each bar's text carries the
 * numbers. A playground that declares what its outcomes mean gets a table
 * instead (outcome-table-view.ts): outcome, runs, label, what it means.
 */
export class HistogramView {
  readonly #root: HTMLElement;

  constructor(root: HTMLElement) {
    this.#root = root;
  }

  clear(): void {
    this.#root.replaceChildren();
    this.#root.hidden = true;
  }

  render(counter: OutcomeCounter, planned: number, declaration?: OutcomeDeclaration): void {
    const title = `Outcomes of ${counter.runs} of ${planned} runs (last line each run printed)`;
    if (declaration) {
      // Scrolls sideways on a narrow screen, so it is in the tab order.
      const scroll = document.createElement('div');
      scroll.className = 'pg-outcome-scroll';
      scroll.tabIndex = 0;
      scroll.setAttribute('role', 'region');
      scroll.setAttribute('aria-label', 'Outcomes table');
      scroll.append(outcomeTable(title, outcomeRows(counter, declaration)));
      this.#root.replaceChildren(scroll);
      this.#root.hidden = false;
      return;
    }
    const binned = binOutcomes(counter.buckets(Number.MAX_SAFE_INTEGER).shown);
    const { shown, otherCount } = binned ? { shown: binned.exact, otherCount: 0 } : counter.buckets();
    const ranges = binned?.ranges ?? [];
    const max = Math.max(1, ...shown.map((b) => b.count), ...ranges.map((r) => r.count));
    const heading = document.createElement('p');
    heading.className = 'pg-histogram-title';
    heading.textContent = title;
    const list = document.createElement('ul');
    list.className = 'pg-histogram-bars';
    for (const bucket of shown) {
      const item = barItem(bucket.count, bucket.outcome, max);
      item.dataset.outcome = bucket.outcome;
      item.dataset.count = String(bucket.count);
      list.append(item);
    }
    // Ranges carry no data-outcome: each holds many different values.
    for (const range of ranges) {
      const item = barItem(range.count, range.label, max);
      item.dataset.range = `${range.from}-${range.to}`;
      list.append(item);
    }
    if (otherCount > 0) {
      const item = document.createElement('li');
      item.textContent = `${otherCount} × other outcomes`;
      list.append(item);
    }
    this.#root.replaceChildren(heading, list);
    this.#root.hidden = false;
  }
}

/** One bar: its width for the eye, its text ("3 × count = 239011") for everyone. */
function barItem(count: number, text: string, max: number): HTMLLIElement {
  const item = document.createElement('li');
  const bar = document.createElement('span');
  bar.className = 'pg-bar';
  bar.style.width = `${(count / max) * 100}%`;
  bar.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'pg-bar-label';
  label.textContent = `${count} × ${text}`;
  item.append(bar, label);
  return item;
}
