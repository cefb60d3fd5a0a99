/**
 * The timing read-out: wall time, active time, workers and utilisation, as
 * text for people and as data attributes for tests. It shows the run's own
 * totals (utilisation is the runner's: active time over wall time, ≈1 for one
 * busy worker, ≈N for N busy workers on N free cores); it computes nothing.
 */
import type { RunTotals } from '../../shared/protocol/index.ts';

export function formatMs(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export class TimingView {
  readonly #root: HTMLElement;
  readonly #fields: Record<'wall' | 'active' | 'workers' | 'utilisation', HTMLElement>;

  constructor(root: HTMLElement) {
    this.#root = root;
    const field = (name: string): HTMLElement => {
      const el = root.querySelector<HTMLElement>(`[data-field="${name}"]`);
      if (!el) throw new Error(`Timing read-out lacks its ${name} field.`);
      return el;
    };
    this.#fields = {
      wall: field('wall'),
      active: field('active'),
      workers: field('workers'),
      utilisation: field('utilisation'),
    };
  }

  update(timing: RunTotals): void {
    const u = timing.utilization;
    const data = this.#root.dataset;
    data.wallMs = timing.wallMs.toFixed(1);
    data.activeMs = timing.activeMs.toFixed(1);
    data.workers = String(timing.workers);
    data.utilization = u.toFixed(2);
    this.#fields.wall.textContent = formatMs(timing.wallMs);
    this.#fields.active.textContent = formatMs(timing.activeMs);
    this.#fields.workers.textContent = String(timing.workers);
    this.#fields.utilisation.textContent = `${u.toFixed(2)}×`;
  }
}
