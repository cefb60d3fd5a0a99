import type { OutcomeCounter } from './histogram-model.ts';

/** Draws the outcome counts as a bar list; each bar's text carries the numbers. */
export class HistogramView {
  readonly #root: HTMLElement;

  constructor(root: HTMLElement) {
    this.#root = root;
  }

  clear(): void {
    this.#root.replaceChildren();
    this.#root.hidden = true;
  }

  render(counter: OutcomeCounter, planned: number): void {
    const { shown, otherCount } = counter.buckets();
    const max = Math.max(1, ...shown.map((b) => b.count));
    const heading = document.createElement('p');
    heading.className = 'pg-histogram-title';
    heading.textContent = `Outcomes of ${counter.runs} of ${planned} runs (last line each run printed)`;
    const list = document.createElement('ul');
    list.className = 'pg-histogram-bars';
    for (const bucket of shown) {
      const item = document.createElement('li');
      item.dataset.outcome = bucket.outcome;
      item.dataset.count = String(bucket.count);
      const bar = document.createElement('span');
      bar.className = 'pg-bar';
      bar.style.width = `${(bucket.count / max) * 100}%`;
      bar.setAttribute('aria-hidden', 'true');
      const label = document.createElement('span');
      label.className = 'pg-bar-label';
      label.textContent = `${bucket.count} × ${bucket.outcome}`;
      item.append(bar, label);
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
