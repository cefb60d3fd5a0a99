/**
 * The diagnostics lists of Explore and Step mode: data races (`Data races`)
 * and potential deadlocks (`Potential deadlocks`), one item per finding, its
 * text the engine's sentence and its lines in `data-lines` ("20 22"). A list
 * with nothing in it is hidden, so a correct program shows none. It shows
 * the protocol's own findings and computes nothing.
 */
import type { ExplorePotentialDeadlock, ExploreProgress, ExploreRace } from '../../shared/protocol/explore.ts';

/** Enough to read; a longer list says how many more there are. */
const MAX_SHOWN = 50;

type Finding = Pick<ExploreRace | ExplorePotentialDeadlock, 'message' | 'lines'>;

export class FindingListView {
  readonly #list: HTMLElement;
  constructor(list: HTMLElement) {
    this.#list = list;
  }

  /** Shows `findings`, and `note` (a limit of the check) after them when there are any. */
  render(findings: readonly Finding[], note?: string): void {
    const items = findings.slice(0, MAX_SHOWN).map((finding) => {
      const item = document.createElement('li');
      item.className = 'pg-finding';
      item.dataset.lines = finding.lines.join(' ');
      item.textContent = finding.message;
      return item;
    });
    if (findings.length > MAX_SHOWN) items.push(noteItem(`… ${findings.length - MAX_SHOWN} more`));
    if (note && findings.length) items.push(noteItem(note));
    this.#list.replaceChildren(...items);
    this.#list.hidden = findings.length === 0;
    // Its visible title (the list's name for the eye), shown with it.
    const title = this.#list.previousElementSibling;
    if (title instanceof HTMLElement && title.classList.contains('pg-findings-title')) title.hidden = this.#list.hidden;
  }
}

function noteItem(text: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'pg-finding-note';
  item.textContent = text;
  return item;
}

/** Explore's two lists (`[data-field="races"]`, `[data-field="deadlocks"]` under its read-out), fed from its progress and report. */
export class ExploreFindingsView {
  readonly #races: FindingListView | undefined;
  readonly #deadlocks: FindingListView | undefined;
  constructor(root: HTMLElement) {
    const list = (name: string) => {
      const el = root.querySelector<HTMLElement>(`[data-field="${name}"]`);
      return el ? new FindingListView(el) : undefined;
    };
    this.#races = list('races');
    this.#deadlocks = list('deadlocks');
  }

  render(progress: ExploreProgress): void {
    const capped = progress.racesCapped ? `Only the first ${progress.racesCapped.toLocaleString('en')} shared cells of each execution were checked for data races.` : undefined;
    this.#races?.render(progress.races ?? [], capped);
    this.#deadlocks?.render(progress.deadlocks ?? []);
  }
}
