import { formatMs } from './timing-view.ts';
import { visibleSegments, type Lane } from './timeline-model.ts';

/**
 * The timeline: a lane per task, a box per stretch of running, waiting or
 * sleeping. States differ in fill pattern as well as colour (see the legend),
 * each box names its times on hover, and a table beside it gives the same
 * facts to keyboards and screen readers.
 */
const MAX_TABLE_ROWS = 300;

export class TimelineView {
  readonly #figure: HTMLElement;
  readonly #table: HTMLTableSectionElement;
  readonly #tableNote: HTMLElement;

  constructor(figure: HTMLElement, table: HTMLTableSectionElement, tableNote: HTMLElement) {
    this.#figure = figure;
    this.#table = table;
    this.#tableNote = tableNote;
  }

  clear(): void {
    this.#figure.replaceChildren();
    this.#table.replaceChildren();
    this.#tableNote.textContent = '';
  }

  /** Draws the lanes; the table is rebuilt only when someone can see it or the run is over. */
  render(lanes: readonly Lane[], nowMs: number, final = false): void {
    const withTable = final || this.#table.closest('details')?.open === true;
    const span = Math.max(nowMs, 1);
    const minMs = span / 400;
    const rows: HTMLElement[] = [];
    const tableRows: HTMLTableRowElement[] = [];
    let tableTotal = 0;
    for (const lane of lanes) {
      const row = document.createElement('div');
      row.className = 'pg-lane';
      row.dataset.lane = lane.name;
      const label = document.createElement('span');
      label.className = 'pg-lane-label';
      label.textContent = lane.name;
      const track = document.createElement('div');
      track.className = 'pg-lane-track';
      for (const s of visibleSegments(lane.segments, nowMs, minMs)) {
        const end = s.endMs ?? nowMs;
        const box = document.createElement('span');
        box.className = 'pg-segment';
        box.dataset.state = s.state;
        box.style.left = `${(s.startMs / span) * 100}%`;
        box.style.width = `${Math.max(((end - s.startMs) / span) * 100, 0.15)}%`;
        box.title = `${lane.name} ${s.state} from ${formatMs(s.startMs)} to ${formatMs(end)}`;
        track.append(box);
      }
      row.append(label, track);
      rows.push(row);

      for (const s of withTable ? lane.segments : []) {
        tableTotal++;
        if (tableRows.length >= MAX_TABLE_ROWS) continue;
        const tr = document.createElement('tr');
        for (const text of [lane.name, s.state, formatMs(s.startMs), s.endMs === undefined ? 'now' : formatMs(s.endMs)]) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        tableRows.push(tr);
      }
    }
    this.#figure.replaceChildren(...rows);
    if (!withTable) return;
    this.#table.replaceChildren(...tableRows);
    this.#tableNote.textContent =
      tableTotal > tableRows.length ? `Showing the first ${tableRows.length} of ${tableTotal} stretches.` : '';
  }
}
