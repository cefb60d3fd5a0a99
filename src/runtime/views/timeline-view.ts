import { formatMs } from './timing-view.ts';
import { axisTicks, visibleSegments, type Lane } from './timeline-model.ts';

/**
 * The timeline: a lane per task, a box per stretch of running, waiting or
 * sleeping. States differ in fill pattern as well as colour (see the legend),
 * each box names its times on hover, and a table beside it gives the same
 * facts to keyboards and screen readers. Under the lanes, a time axis in ms
 * with a small mark for every output line at the time it was printed (the
 * output itself gives each line's time in words, so the marks are decorative).
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
  render(lanes: readonly Lane[], nowMs: number, final = false, printed: readonly number[] = []): void {
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
    const axis = this.#axis(span, printed);
    this.#figure.replaceChildren(...rows, axis.row);
    axis.ticks(axis.track.clientWidth);
    if (!withTable) return;
    this.#table.replaceChildren(...tableRows);
    this.#tableNote.textContent =
      tableTotal > tableRows.length ? `Showing the first ${tableRows.length} of ${tableTotal} stretches.` : '';
  }

  /** The axis row: a mark per output line now, the ticks once the track's width is known. */
  #axis(span: number, printed: readonly number[]): { row: HTMLElement; track: HTMLElement; ticks(widthPx: number): void } {
    const row = document.createElement('div');
    row.className = 'pg-lane pg-axis';
    const label = document.createElement('span');
    label.className = 'pg-lane-label';
    label.textContent = 'ms';
    const track = document.createElement('div');
    track.className = 'pg-axis-track';
    const at = (ms: number) => `${Math.min(100, (ms / span) * 100)}%`;
    for (const t of printed) {
      const mark = document.createElement('span');
      mark.className = 'pg-print-mark';
      mark.dataset.t = String(t);
      mark.style.left = at(t);
      track.append(mark);
    }
    row.append(label, track);
    const ticks = (widthPx: number) => {
      for (const ms of axisTicks(span, widthPx)) {
        const tick = document.createElement('span');
        tick.className = 'pg-tick';
        // Labels at the ends align inwards, so the track never cuts them.
        if (ms === 0) tick.dataset.edge = 'start';
        else if (ms / span > 0.92) tick.dataset.edge = 'end';
        tick.dataset.ms = String(ms);
        tick.style.left = at(ms);
        tick.textContent = ms.toLocaleString('en-US');
        track.append(tick);
      }
    };
    return { row, track, ticks };
  }
}
