/**
 * The output console: one element per line, tagged with its stream. Lines
 * arrive in batches; appending a batch as one DocumentFragment keeps a flood
 * from costing a layout per line. The runtime caps what it sends; this view
 * caps what it keeps too, so a long session cannot grow the page without end.
 */
import type { ConsoleEvent, Stream } from '../../shared/protocol/index.ts';

const MAX_LINES_SHOWN = 5_000;

export class OutputView {
  readonly #root: HTMLElement;
  #count = 0;

  constructor(root: HTMLElement) {
    this.#root = root;
  }

  clear(): void {
    this.#root.replaceChildren();
    this.#count = 0;
  }

  append(lines: readonly ConsoleEvent[]): void {
    if (lines.length === 0) return;
    const fragment = document.createDocumentFragment();
    for (const line of lines) {
      if (this.#count >= MAX_LINES_SHOWN && line.stream !== 'system') continue;
      const row = document.createElement('div');
      row.className = 'pg-line';
      row.dataset.stream = line.stream;
      // Its time, for the timeline's mark of this line (and a tooltip for the mouse).
      row.dataset.t = String(line.t);
      row.title = `printed at ${Math.round(line.t)} ms`;
      const time = document.createElement('span');
      time.className = 'pg-line-time';
      time.textContent = `${Math.round(line.t)} ms`;
      time.setAttribute('aria-hidden', 'true');
      const text = document.createElement('span');
      text.className = 'pg-line-text';
      // Screen readers hear the stream for anything but plain logs.
      text.textContent = line.stream === 'log' ? line.text : `${streamLabel(line.stream)}: ${line.text}`;
      row.append(time, text);
      fragment.append(row);
      this.#count++;
    }
    const stick = this.#root.scrollTop + this.#root.clientHeight >= this.#root.scrollHeight - 4;
    this.#root.append(fragment);
    if (stick) this.#root.scrollTop = this.#root.scrollHeight;
  }
}

function streamLabel(stream: Stream): string {
  return { log: 'Log', info: 'Info', warn: 'Warning', error: 'Error', system: 'Runtime' }[stream];
}
