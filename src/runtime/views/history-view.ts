import type { RunTotals } from '../../shared/protocol/index.ts';
import { formatMs } from './timing-view.ts';

/**
 * The last few runs of one playground side by side, so a learner who adds a
 * worker or removes a lock sees what changed: wall time, active time,
 * utilisation, and the speed-up against the run before.
 */
export interface RunRecord extends RunTotals {
  state: string;
}

const KEEP = 5;

export class HistoryView {
  readonly #body: HTMLTableSectionElement;
  readonly #records: RunRecord[] = [];

  constructor(body: HTMLTableSectionElement) {
    this.#body = body;
  }

  add(record: RunRecord): void {
    this.#records.push(record);
    if (this.#records.length > KEEP) this.#records.shift();
    this.#render();
  }

  #render(): void {
    const rows = this.#records.map((r, i) => {
      const previous = this.#records[i - 1];
      const speedup = previous && r.wallMs > 0 ? `${(previous.wallMs / r.wallMs).toFixed(2)}×` : '—';
      const tr = document.createElement('tr');
      for (const text of [
        String(i + 1),
        r.state,
        formatMs(r.wallMs),
        formatMs(r.activeMs),
        String(r.workers),
        `${r.utilization.toFixed(2)}×`,
        speedup,
      ]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    });
    this.#body.replaceChildren(...rows.reverse());
    this.#body.closest('details')?.removeAttribute('hidden');
  }
}
