/**
 * Labelled outcomes on the page (src/shared/outcomes.ts says which label an
 * outcome has): the label as a word in its own colour (`--outcome-<label>` in
 * playground.css, each 4.5:1 on the page's backgrounds in both themes,
 * outcome-labels.test.ts), and Run ×N's jcstress-style table, one row per
 * outcome: outcome, runs, label, what it means.
 */
import type { LabelledOutcome } from '../../shared/outcomes.ts';
import type { OutcomeRow } from './histogram-model.ts';

/** The label as a word, coloured by its kind; nothing when no declaration covers the outcome. */
export function labelBadge(meaning: LabelledOutcome | undefined): HTMLElement {
  const badge = document.createElement('span');
  badge.className = 'pg-label';
  if (meaning) {
    badge.dataset.label = meaning.label;
    badge.textContent = meaning.label;
  } else {
    badge.textContent = '—';
    badge.title = 'No declared meaning';
  }
  return badge;
}

/**
 * Run ×N's table. Rows carry what the bars carry (`data-outcome` and
 * `data-count` for one outcome, `data-range` for a group of them, `data-other`
 * for the rest lumped) and `data-label` (`''` when nothing covers the row);
 * a bar behind each count shows the spread at a glance.
 */
export function outcomeTable(caption: string, rows: readonly OutcomeRow[]): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'pg-outcome-table';
  const title = table.createCaption();
  title.className = 'pg-histogram-title';
  title.textContent = caption;
  const head = table.createTHead().insertRow();
  for (const name of ['Outcome', 'Runs', 'Label', 'What it means']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  const max = Math.max(1, ...rows.map((r) => r.count));
  for (const row of rows) {
    const tr = body.insertRow();
    if (row.outcome !== undefined) tr.dataset.outcome = row.outcome;
    if (row.range) tr.dataset.range = `${row.range.from}-${row.range.to}`;
    if (row.other) tr.dataset.other = '';
    tr.dataset.count = String(row.count);
    tr.dataset.label = row.meaning?.label ?? '';
    tr.dataset.key = row.meaning?.key ?? '';

    const outcome = document.createElement('th');
    outcome.scope = 'row';
    const line = document.createElement('code');
    line.textContent = row.name;
    outcome.append(line);

    const count = tr.insertCell();
    count.className = 'pg-outcome-count';
    const bar = document.createElement('span');
    bar.className = 'pg-bar';
    bar.style.width = `${(row.count / max) * 100}%`;
    bar.setAttribute('aria-hidden', 'true');
    const number = document.createElement('span');
    number.className = 'pg-bar-label';
    number.textContent = row.count.toLocaleString('en');
    count.append(bar, number);

    tr.insertBefore(outcome, count);
    tr.insertCell().append(labelBadge(row.meaning));
    tr.insertCell().textContent = row.meaning?.text ?? '';
  }
  return table;
}
