import { formatMs } from './timing-view.ts';
import { laneColour, LANE_COLOURS } from './lane-colours.ts';
import { kindLabel, messageSummary, type MessageChart } from './message-chart-model.ts';

/**
 * The message chart, under the timeline: a row per lane (the timeline's
 * order), an arrow per message from the sender's row at the send time to the
 * receiver's row at the receive time, coloured by the sender's lane, dashed
 * by kind (see the legend). Positions are percentages of the width, like the
 * timeline's boxes, so the two share one time scale at any width. A table
 * beside it gives the same facts to keyboards and screen readers. The model
 * (message-chart-model.ts) computed everything; this only lays it out.
 */
const MAX_TABLE_ROWS = 300;
const ROW_PX = 24;
const SVG = 'http://www.w3.org/2000/svg';

let charts = 0;

export interface MessageChartParts {
  /** Hidden while the run has no messages. */
  root: HTMLElement;
  figure: HTMLElement;
  summary: HTMLElement;
  legend: HTMLElement;
  table: HTMLTableSectionElement;
  tableNote: HTMLElement;
}

export class MessageChartView {
  readonly #parts: MessageChartParts;
  /** Marker ids are page-wide: each chart has its own prefix. */
  readonly #prefix = `pg-msg-${++charts}`;

  constructor(parts: MessageChartParts) {
    this.#parts = parts;
    parts.summary.id ||= `${this.#prefix}-summary`;
  }

  clear(): void {
    const { root, figure, summary, legend, table, tableNote } = this.#parts;
    root.hidden = true;
    for (const part of [figure, legend, table]) part.replaceChildren();
    summary.textContent = '';
    tableNote.textContent = '';
  }

  render(chart: MessageChart, final = false): void {
    const { root, figure, summary, legend } = this.#parts;
    if (chart.arrows.length === 0 && chart.more === 0) {
      this.clear();
      return;
    }
    root.hidden = false;
    summary.textContent = messageSummary(chart);

    const labels = document.createElement('div');
    labels.className = 'pg-msg-labels';
    labels.setAttribute('aria-hidden', 'true');
    for (const lane of chart.lanes) {
      const label = document.createElement('span');
      label.textContent = lane;
      labels.append(label);
    }

    const height = chart.lanes.length * ROW_PX;
    const svg = svgElement('svg', { role: 'img', 'aria-label': 'Messages', height: String(height), width: '100%' });
    svg.setAttribute('aria-describedby', summary.id);
    const defs = svgElement('defs');
    for (let i = 0; i < LANE_COLOURS; i++) {
      const marker = svgElement('marker', {
        id: `${this.#prefix}-${i}`,
        viewBox: '0 0 10 10',
        refX: '9',
        refY: '5',
        markerWidth: '7',
        markerHeight: '7',
        orient: 'auto-start-reverse',
      });
      const head = svgElement('path', { d: 'M0,1 L10,5 L0,9 z' });
      head.style.fill = laneColour(i);
      marker.append(head);
      defs.append(marker);
    }
    svg.append(defs);
    const y = (row: number) => row * ROW_PX + ROW_PX / 2;
    for (let row = 0; row < chart.lanes.length; row++) {
      svg.append(svgElement('line', { class: 'pg-msg-row', x1: '0', x2: '100%', y1: String(y(row)), y2: String(y(row)) }));
    }
    for (const arrow of chart.arrows) {
      const line = svgElement('line', {
        class: 'pg-msg-arrow',
        x1: `${arrow.x1 * 100}%`,
        x2: `${arrow.x2 * 100}%`,
        y1: String(y(arrow.fromRow)),
        y2: String(y(arrow.toRow)),
        'marker-end': `url(#${this.#prefix}-${arrow.fromRow % LANE_COLOURS})`,
        'data-from': arrow.from,
        'data-to': arrow.to,
        'data-kind': arrow.kind,
      });
      line.style.stroke = laneColour(arrow.fromRow);
      const title = svgElement('title');
      title.textContent = `${arrow.from} → ${arrow.to}, ${kindLabel(arrow)}: sent at ${formatMs(arrow.sentMs)}, received at ${formatMs(arrow.receivedMs)}`;
      line.append(title);
      svg.append(line);
    }
    figure.replaceChildren(labels, svg);

    const kinds = [...new Set(chart.arrows.map((a) => a.kind))].sort();
    legend.replaceChildren(
      ...kinds.map((kind) => {
        const item = document.createElement('li');
        const swatch = document.createElement('span');
        swatch.className = 'pg-msg-swatch';
        swatch.dataset.kind = kind;
        item.append(swatch, ` ${kind}`);
        return item;
      }),
    );
    this.#renderTable(chart, final);
  }

  /** The table is rebuilt only when someone can see it or the run is over. */
  #renderTable(chart: MessageChart, final: boolean): void {
    const { table, tableNote } = this.#parts;
    if (!final && table.closest('details')?.open !== true) return;
    const rows = chart.arrows.slice(0, MAX_TABLE_ROWS).map((arrow) => {
      const tr = document.createElement('tr');
      for (const text of [formatMs(arrow.sentMs), arrow.from, arrow.to, kindLabel(arrow), formatMs(arrow.receivedMs)]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    });
    table.replaceChildren(...rows);
    const total = chart.arrows.length + chart.more;
    tableNote.textContent = total > rows.length ? `Showing the first ${rows.length} of ${total.toLocaleString('en-US')} messages.` : '';
  }
}

function svgElement(name: string, attributes: Record<string, string> = {}): SVGElement {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
}
