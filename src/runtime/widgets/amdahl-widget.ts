/**
 * <amdahl-fit>: a job with a serial part (run by one worker before the rest
 * can start) and a parallel part split over N workers. It measures the
 * speed-up at 1 … 2 × cores workers, fits the serial fraction f, and draws the
 * Amdahl curve 1 / (f + (1 − f) / N) with its ceiling 1 / f.
 */
import { amdahlSpeedup, fitSerialFraction } from './amdahl.ts';
import { renderLineChart } from './line-chart.ts';
import { jobPlan, measureSnippet, poolSnippet, wireMeasurement, workerCounts } from './measure.ts';

class AmdahlFit extends HTMLElement {
  connectedCallback(): void {
    wireMeasurement(this, 'fit', (status) => this.#measure(status));
  }

  async #measure(status: HTMLElement): Promise<void> {
    const serialMs = Number(this.querySelector<HTMLInputElement>('input[name="serial"]')!.value) || 0;
    const parallelMs = 900;
    const cores = navigator.hardwareConcurrency || 1;
    const counts = workerCounts(cores);
    const { jobs, jobMs } = jobPlan(counts.length, parallelMs);
    const times: { workers: number; ms: number }[] = [];
    for (const workers of counts) {
      status.textContent = `Measuring ${workers} of ${counts.length} workers…`;
      times.push({ workers, ms: await measureSnippet(poolSnippet(workers, jobs, jobMs, 'compute', serialMs)) });
    }
    const points = times.map((t) => ({ workers: t.workers, speedup: times[0]!.ms / t.ms }));
    // Beyond the core count extra workers only share cores: fit on 1 … cores.
    const f = fitSerialFraction(points.filter((p) => p.workers <= Math.max(cores, 2)));
    this.#render(points, f, cores, counts.length);
    const planned = serialMs / (serialMs + parallelMs);
    status.textContent =
      f === undefined
        ? 'Not enough points to fit.'
        : `Measured serial fraction f ≈ ${f.toFixed(2)} (the code's own split is ${planned.toFixed(2)}). Amdahl's ceiling: no number of workers makes this job more than ${f > 0 ? (1 / f).toFixed(1) : '∞'}× faster.`;
    this.dataset.serialFraction = f?.toFixed(3) ?? '';
  }

  #render(points: { workers: number; speedup: number }[], f: number | undefined, cores: number, maxWorkers: number): void {
    const curve = f === undefined ? [] : Array.from({ length: maxWorkers }, (_, i) => ({ x: i + 1, y: amdahlSpeedup(f, i + 1) }));
    renderLineChart(this.querySelector<SVGSVGElement>('svg')!, {
      xLabel: 'workers',
      yLabel: 'speed-up vs 1 worker',
      xMax: maxWorkers,
      yMax: Math.ceil(Math.max(maxWorkers / 2, ...points.map((p) => p.speedup), 2)),
      verticals: [{ x: cores, label: `${cores} cores` }],
      series: [
        { name: 'ideal', points: [{ x: 0, y: 0 }, { x: maxWorkers, y: maxWorkers }], className: 'series-ideal', style: 'dashed', marker: 'none' },
        { name: 'Amdahl fit', points: curve, className: 'series-io', style: 'dotted', marker: 'none' },
        { name: 'measured', points: points.map((p) => ({ x: p.workers, y: p.speedup })), className: 'series-cpu', style: 'solid', marker: 'circle' },
      ],
    });
    this.querySelector('tbody')!.replaceChildren(
      ...points.map((p) => {
        const tr = document.createElement('tr');
        for (const text of [String(p.workers), `${p.speedup.toFixed(2)}×`, f === undefined ? '—' : `${amdahlSpeedup(f, p.workers).toFixed(2)}×`]) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        return tr;
      }),
    );
  }
}

customElements.define('amdahl-fit', AmdahlFit);
