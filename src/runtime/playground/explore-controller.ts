/**
 * A playground's Explore (design/explorer.md §2, §6): one exploration at a
 * time of the current code, in a worker of its own, with the root's
 * `data-mode` (`explore` from Explore on, `run` again once the learner runs;
 * Step mode, step-controller.ts, sets `step` itself),
 * the controls while it searches (Stop and Escape end it; Run, Run ×N and
 * Explore wait), the read-out (views/exploration-view.ts) and the
 * announcement of its end.
 */
import type { ExploreReport } from '../../shared/protocol/explore.ts';
import type { OutcomeDeclaration } from '../../shared/outcomes.ts';
import { startExploration, type Exploration } from '../runner/index.ts';
import { ExplorationView } from '../views/exploration-view.ts';
import { summarySentence } from '../views/exploration-text.ts';
import { announce, button, part } from './parts.ts';
import { unexplainedResults, unexplainedWarning } from './real-vs-explored.ts';

export type PlaygroundMode = 'run' | 'explore';

/** The controls that wait while a search goes on. */
const WAITING = 'button[data-action="run"], button[data-action="run-many"], button[data-action="explore"]';

/** One search, from the press of Explore (a run may still be ending) to its report. */
interface Search {
  exploration: Exploration | undefined;
  stopped: boolean;
}

export class ExploreController {
  readonly #root: HTMLElement;
  readonly #code: () => string;
  /** Ends whatever runs in this playground, and resolves once it has ended. */
  readonly #stopRuns: () => Promise<void>;
  readonly #panel: HTMLElement;
  readonly #view: ExplorationView;
  #search: Search | undefined;

  /** What real runs of a code printed last (run-controller.ts). */
  readonly #realResults: (code: string) => ReadonlySet<string>;

  /** `stepThrough` opens Step mode at a failing schedule ("Step through the failure"); `outcomes` labels what it finds. */
  constructor(
    root: HTMLElement,
    code: () => string,
    stopRuns: () => Promise<void>,
    realResults: (code: string) => ReadonlySet<string>,
    stepThrough: (schedule: string) => void,
    outcomes?: OutcomeDeclaration,
  ) {
    this.#root = root;
    this.#code = code;
    this.#stopRuns = stopRuns;
    this.#realResults = realResults;
    this.#panel = part(root, 'exploration');
    this.#view = new ExplorationView(this.#panel, stepThrough, outcomes);
  }

  /** A search is on: Run and Explore wait for it. */
  get busy(): boolean {
    return this.#search !== undefined;
  }

  /** Explores the current code; resolves with the report once the search has ended. */
  async explore(): Promise<ExploreReport | undefined> {
    if (this.#search) return undefined;
    const search: Search = { exploration: undefined, stopped: false };
    this.#search = search;
    const focusWasHere = this.#root.contains(document.activeElement);
    this.#setMode('explore');
    this.#view.start();
    this.#hold(true);
    await this.#stopRuns();
    if (this.#search !== search) return undefined; // the learner ran the code meanwhile
    // Enabled only now: a run that was ending disabled Stop as it ended.
    const stop = button(this.#root, 'stop');
    stop.disabled = false;
    if (focusWasHere && focusLost()) stop.focus();

    const code = this.#code();
    const exploration = startExploration(code, {}, (progress) => {
      if (this.#search === search) this.#view.progress(progress);
    });
    search.exploration = exploration;
    if (search.stopped) exploration.stop();
    let report: ExploreReport | undefined;
    let sentence: string;
    try {
      report = await exploration.done;
      if (this.#search !== search) return report;
      this.#view.report(report);
      sentence = summarySentence(report);
      const unexplained = unexplainedResults(code, report, this.#realResults(code));
      if (unexplained.length) this.#view.warn(unexplainedWarning(unexplained));
    } catch (error) {
      if (this.#search !== search) return undefined;
      const message = (error instanceof Error ? error.message : String(error)).replace(/([^.!?])$/, '$1.');
      sentence = `${message} Your code is unchanged, and Run still works.`;
      this.#view.failed(sentence);
    }
    this.#search = undefined;
    this.#hold(false);
    announce(this.#root, `Exploration ended. ${sentence}`);
    return report;
  }

  /** Stop and Escape: the search ends at once, with what it saw. */
  stop(): void {
    if (!this.#search) return;
    this.#search.stopped = true;
    this.#search.exploration?.stop();
  }

  /** The learner runs the code: the search (if any) ends and the playground shows runs again. */
  leave(): void {
    const search = this.#search;
    this.#search = undefined;
    if (search) {
      search.exploration?.stop();
      this.#hold(false);
    }
    this.#setMode('run');
  }

  #setMode(mode: PlaygroundMode): void {
    this.#root.dataset.mode = mode;
    this.#panel.hidden = mode !== 'explore';
    // The last run's read-outs come back with the next run.
    if (mode === 'explore') part(this.#root, 'readouts').hidden = true;
  }

  /** Holds the controls that wait during a search, or lets them go (then Stop waits, and the focus leaves it for Explore). */
  #hold(exploring: boolean): void {
    for (const control of this.#root.querySelectorAll<HTMLButtonElement>(WAITING)) control.disabled = exploring;
    if (exploring) return;
    const stop = button(this.#root, 'stop');
    const focusOnStop = document.activeElement === stop;
    stop.disabled = true;
    if (focusOnStop) button(this.#root, 'explore').focus();
  }
}

/** The focused control was disabled under it (browsers then leave the focus on the page's body). */
function focusLost(): boolean {
  const focused = document.activeElement;
  return !focused || focused === document.body || (focused instanceof HTMLButtonElement && focused.disabled);
}

