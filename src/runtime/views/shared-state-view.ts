/**
 * Step mode's shared state (design/explorer.md §3, §6): one real table per
 * typed array over a SharedArrayBuffer (caption = its variable's name, a row
 * of indexes and a row of values, cells with `data-index` and `data-value`,
 * the cells the last step changed marked by weight and outline as well as
 * colour, and said as "changed"), then each mutex and semaphore with its
 * holders (`data-holder`) and waiters, and each channel with its contents
 * (`data-items`: how many). It shows the engine's view and computes nothing.
 */
import type { SharedArrayView, SyncObjectView } from '../../shared/protocol/explore.ts';

export class SharedStateView {
  readonly #root: HTMLElement;

  constructor(root: HTMLElement) {
    this.#root = root;
  }

  clear(): void {
    this.#root.replaceChildren(nothingShared());
  }

  render(arrays: readonly SharedArrayView[], syncs: readonly SyncObjectView[]): void {
    const parts: HTMLElement[] = arrays.map(arrayTable);
    if (syncs.length) {
      const list = document.createElement('ul');
      list.className = 'pg-syncs';
      list.setAttribute('aria-label', 'Locks and channels');
      list.append(...syncs.map(syncItem));
      parts.push(list);
    }
    this.#root.replaceChildren(...(parts.length ? parts : [nothingShared()]));
    // A wide array scrolls sideways; only then is it a stop for the keyboard (and named, as a group).
    for (const scroll of this.#root.querySelectorAll<HTMLElement>('.pg-array-scroll')) {
      if (scroll.scrollWidth <= scroll.clientWidth) continue;
      scroll.tabIndex = 0;
      scroll.setAttribute('role', 'group');
      scroll.setAttribute('aria-label', `${scroll.dataset.name ?? 'array'}, scrolls sideways`);
    }
  }
}

function nothingShared(): HTMLElement {
  const empty = document.createElement('p');
  empty.className = 'pg-shared-empty';
  empty.textContent = 'Nothing shared yet.';
  return empty;
}

function arrayTable(array: SharedArrayView): HTMLElement {
  const table = document.createElement('table');
  table.className = 'pg-array';
  table.dataset.name = array.name;
  table.dataset.type = array.type;
  const caption = document.createElement('caption');
  caption.textContent = array.name;
  const changed = new Set(array.changed);

  const head = document.createElement('tr');
  head.append(cell('th', 'index', 'row'), ...array.values.map((_, index) => cell('th', String(index), 'col')));
  const values = document.createElement('tr');
  values.append(cell('th', 'value', 'row'));
  array.values.forEach((value, index) => {
    const td = cell('td', value);
    td.dataset.index = String(index);
    td.dataset.value = value;
    if (changed.has(index)) {
      td.classList.add('pg-changed');
      td.dataset.changed = 'true';
      const said = document.createElement('span');
      said.className = 'visually-hidden';
      said.textContent = ' (changed)';
      td.append(said);
    }
    values.append(td);
  });
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  tbody.append(values);
  table.append(caption, thead, tbody);

  const scroll = document.createElement('div');
  scroll.className = 'pg-array-scroll';
  scroll.dataset.name = array.name;
  scroll.append(table);
  if (array.length > array.values.length) {
    const note = document.createElement('p');
    note.className = 'pg-array-note';
    note.textContent = `${array.type}: the first ${array.values.length} of ${array.length} cells.`;
    scroll.append(note);
  }
  return scroll;
}

function cell(tag: 'th' | 'td', text: string, scope?: 'row' | 'col'): HTMLTableCellElement {
  const el = document.createElement(tag);
  el.textContent = text;
  if (scope) el.scope = scope;
  return el;
}

function syncItem(sync: SyncObjectView): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'pg-sync';
  item.dataset.kind = sync.kind;
  item.dataset.name = sync.name;
  const name = document.createElement('strong');
  name.textContent = sync.name;
  const words: string[] = [];
  if (sync.kind === 'channel') {
    const items = sync.items ?? [];
    item.dataset.items = String(items.length);
    const size = sync.capacity === undefined ? `${items.length}` : `${items.length} of ${sync.capacity}`;
    words.push(items.length ? `${size}: ${items.join(', ')}` : `empty${sync.capacity === undefined ? '' : ` (capacity ${sync.capacity})`}`);
    if (sync.closed) words.push('closed');
  } else {
    item.dataset.holder = sync.holders.join(', ');
    if (sync.kind === 'semaphore' && sync.permits !== undefined) {
      item.dataset.permits = String(sync.permits);
      words.push(`${sync.permits} ${sync.permits === 1 ? 'permit' : 'permits'} free`);
    }
    words.push(sync.holders.length ? `held by ${sync.holders.join(', ')}` : 'free');
  }
  item.dataset.waiters = sync.waiters.join(', ');
  if (sync.waiters.length) words.push(`waiting: ${sync.waiters.join(', ')}`);
  item.append(name, `: ${words.join('; ')}`);
  return item;
}
