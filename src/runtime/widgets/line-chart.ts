/**
 * A small SVG line chart for the performance widgets: numeric x and y axes,
 * any number of series (told apart by marker shape and dash pattern as well
 * as colour), and optional vertical markers (the core count). The caller
 * always pairs it with a table: the chart is for seeing, the table for reading.
 */
export interface Series {
  name: string;
  points: { x: number; y: number }[];
  /** CSS class giving colour; shape and dash come from `style`. */
  className: string;
  style: 'solid' | 'dashed' | 'dotted';
  marker: 'circle' | 'square' | 'none';
}

export interface ChartSpec {
  xLabel: string;
  yLabel: string;
  xMax: number;
  yMax: number;
  series: Series[];
  verticals?: { x: number; label: string }[];
}

const SVG = 'http://www.w3.org/2000/svg';
const W = 520;
const H = 300;
const PAD = { left: 48, right: 16, top: 16, bottom: 44 };

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

function ticks(max: number): number[] {
  const step = max <= 6 ? 1 : max <= 12 ? 2 : max <= 30 ? 5 : 10;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(v);
  return out;
}

export function renderLineChart(svg: SVGSVGElement, spec: ChartSpec): void {
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const sx = (x: number) => PAD.left + (x / spec.xMax) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - (y / spec.yMax) * (H - PAD.top - PAD.bottom);
  const parts: SVGElement[] = [];

  for (const t of ticks(spec.yMax)) {
    parts.push(el('line', { x1: sx(0), x2: sx(spec.xMax), y1: sy(t), y2: sy(t), class: 'chart-grid' }));
    const label = el('text', { x: sx(0) - 6, y: sy(t) + 4, 'text-anchor': 'end', class: 'chart-tick' });
    label.textContent = String(t);
    parts.push(label);
  }
  for (const t of ticks(spec.xMax)) {
    const label = el('text', { x: sx(t), y: sy(0) + 16, 'text-anchor': 'middle', class: 'chart-tick' });
    label.textContent = String(t);
    parts.push(label);
  }
  parts.push(el('line', { x1: sx(0), x2: sx(spec.xMax), y1: sy(0), y2: sy(0), class: 'chart-axis' }));
  parts.push(el('line', { x1: sx(0), x2: sx(0), y1: sy(0), y2: sy(spec.yMax), class: 'chart-axis' }));
  const xLabel = el('text', { x: (sx(0) + sx(spec.xMax)) / 2, y: H - 6, 'text-anchor': 'middle', class: 'chart-label' });
  xLabel.textContent = spec.xLabel;
  const yLabel = el('text', { x: 12, y: (sy(0) + sy(spec.yMax)) / 2, 'text-anchor': 'middle', class: 'chart-label', transform: `rotate(-90 12 ${(sy(0) + sy(spec.yMax)) / 2})` });
  yLabel.textContent = spec.yLabel;
  parts.push(xLabel, yLabel);

  for (const v of spec.verticals ?? []) {
    parts.push(el('line', { x1: sx(v.x), x2: sx(v.x), y1: sy(0), y2: sy(spec.yMax), class: 'chart-vertical' }));
    const label = el('text', { x: sx(v.x) + 4, y: sy(spec.yMax) + 12, class: 'chart-tick' });
    label.textContent = v.label;
    parts.push(label);
  }

  for (const series of spec.series) {
    const points = series.points.filter((p) => Number.isFinite(p.y));
    if (points.length === 0) continue;
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(Math.min(p.y, spec.yMax)).toFixed(1)}`).join(' ');
    parts.push(el('path', { d, class: `chart-line chart-${series.style} ${series.className}` }));
    for (const p of series.marker === 'none' ? [] : points) {
      const x = sx(p.x);
      const y = sy(Math.min(p.y, spec.yMax));
      parts.push(
        series.marker === 'circle'
          ? el('circle', { cx: x, cy: y, r: 4, class: `chart-marker ${series.className}` })
          : el('rect', { x: x - 4, y: y - 4, width: 8, height: 8, class: `chart-marker ${series.className}` }),
      );
    }
  }
  svg.replaceChildren(...parts);
}
