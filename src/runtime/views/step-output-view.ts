/**
 * Step mode's output: the lines the execution printed up to the current step,
 * each tagged with its stream and the step it was printed at. The engine
 * sends the whole output with every view (Back can take lines away), so this
 * view redraws it; the runtime's own output view (output-view.ts) appends a
 * run's timed events and is not a fit.
 */
import type { StepOutputLine } from '../../shared/protocol/explore.ts';

/** Enough to read; Step mode is for short executions. */
const MAX_LINES_SHOWN = 2_000;

const STREAM_LABEL: Record<string, string> = { info: 'Info', warn: 'Warning', error: 'Error', system: 'Runtime' };

export class StepOutputView {
  readonly #root: HTMLElement;

  constructor(root: HTMLElement) {
    this.#root = root;
  }

  clear(): void {
    this.#root.replaceChildren();
  }

  render(lines: readonly StepOutputLine[]): void {
    const fragment = document.createDocumentFragment();
    for (const line of lines.slice(-MAX_LINES_SHOWN)) {
      const row = document.createElement('div');
      row.className = 'pg-line';
      row.dataset.stream = line.stream;
      row.dataset.lane = line.lane;
      row.dataset.step = String(line.step);
      const when = document.createElement('span');
      when.className = 'pg-line-time';
      when.textContent = `step ${line.step}`;
      when.setAttribute('aria-hidden', 'true');
      const text = document.createElement('span');
      text.className = 'pg-line-text';
      // Screen readers hear the stream for anything but plain logs, as in a run's output.
      const label = STREAM_LABEL[line.stream];
      text.textContent = label ? `${label}: ${line.text}` : line.text;
      row.append(when, text);
      fragment.append(row);
    }
    this.#root.replaceChildren(fragment);
    this.#root.scrollTop = this.#root.scrollHeight;
  }
}
