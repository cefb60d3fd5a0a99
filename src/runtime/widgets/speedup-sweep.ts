/**
 * <speedup-sweep>: the in-browser version of the thread-count benchmark from
 * the source material. The same total work, CPU-bound (compute) and I/O-bound
 * (sleep), on 1 … 2 × cores workers of a Pool; speed-up against one worker,
 * drawn against the ideal line and the core count, with a table beside it.
 */
import { renderLineChart } from './line-chart.ts';
import { jobPlan, measureSnippet, poolSnippet, wireMeasurement, workerCounts } from './measure.ts';

interface Row {
  workers: number;
  cpuMs: number;
  ioMs: number;
}

class SpeedupSweep extends HTMLElement {
  connectedCallback(): void {
    wireMeasurement(this, 'sweep', (status) => this.#sweep(status));
  }

  async #sweep(status: HTMLElement): Promise<void> {
    const cores = navigator.hardwareConcurrency || 1;
    const counts = workerCounts(cores);
    const { jobs, jobMs } = jobPlan(counts.length, 960);
    const rows: Row[] = [];
    for (const workers of counts) {
      status.textContent = `Measuring ${workers} of ${counts.length} workers…`;
      const cpuMs = await measureSnippet(poolSnippet(workers, jobs, jobMs, 'compute'));
      const ioMs = await measureSnippet(poolSnippet(workers, jobs, jobMs, 'sleep'));
      rows.push({ workers, cpuMs, ioMs });
      this.#render(rows, cores, counts.length);
    }
    const atCores = rows.find((r) => r.workers === cores);
    const base = rows[0]!;
    status.textContent = atCores
      ? `Done. At ${cores} workers (your core count) the CPU-bound work ran ${(base.cpuMs / atCores.cpuMs).toFixed(2)}× faster and the waiting ${(base.ioMs / atCores.ioMs).toFixed(2)}× faster than on one.`
      : 'Done.';
  }

  #render(rows: Row[], cores: number, maxWorkers: number): void {
    const base = rows[0]!;
    const cpu = rows.map((r) => ({ x: r.workers, y: base.cpuMs / r.cpuMs }));
    const io = rows.map((r) => ({ x: r.workers, y: base.ioMs / r.ioMs }));
    const yMax = Math.max(maxWorkers, ...cpu.map((p) => p.y), ...io.map((p) => p.y));
    renderLineChart(this.querySelector<SVGSVGElement>('svg')!, {
      xLabel: 'workers',
      yLabel: 'speed-up vs 1 worker',
      xMax: maxWorkers,
      yMax: Math.ceil(yMax),
      verticals: [{ x: cores, label: `${cores} cores` }],
      series: [
        { name: 'ideal', points: [{ x: 0, y: 0 }, { x: maxWorkers, y: maxWorkers }], className: 'series-ideal', style: 'dashed', marker: 'none' },
        { name: 'CPU-bound', points: cpu, className: 'series-cpu', style: 'solid', marker: 'circle' },
        { name: 'I/O-bound', points: io, className: 'series-io', style: 'dotted', marker: 'square' },
      ],
    });
    const body = this.querySelector('tbody')!;
    body.replaceChildren(
      ...rows.map((r) => {
        const tr = document.createElement('tr');
        tr.dataset.workers = String(r.workers);
        for (const text of [
          String(r.workers),
          `${Math.round(r.cpuMs)} ms`,
          `${(base.cpuMs / r.cpuMs).toFixed(2)}×`,
          `${Math.round(r.ioMs)} ms`,
          `${(base.ioMs / r.ioMs).toFixed(2)}×`,
          `${r.workers}×`,
        ]) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        return tr;
      }),
    );
  }
}

customElements.define('speedup-sweep', SpeedupSweep);
