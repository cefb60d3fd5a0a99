/**
 * The exploration read-out (design/explorer.md §6): the summary sentence, the
 * assumptions, the outcomes with their counts of schedules, and the first
 * failure with its steps, output and schedule string; as text for people and
 * as data attributes for tests. It shows the engine's own progress and report
 * and computes nothing beyond the words (exploration-text.ts).
 */
import type { ExploreFailure, ExploreOutcome, ExploreProgress, ExploreReport } from '../../shared/protocol/explore.ts';
import { labelOf, outcomeName, type OutcomeDeclaration } from '../../shared/outcomes.ts';
import { labelBadge } from './outcome-table-view.ts';
import { ExploreFindingsView } from './race-list-view.ts';
import { failureHeading, progressSentence, schedules, stateWords, stepWords, summarySentence, count } from './exploration-text.ts';

/** Enough to read; a longer list says how many more there are. */
const MAX_STEPS_SHOWN = 200;
const MAX_OUTCOMES_SHOWN = 100;
const MAX_OUTPUT_LINES_SHOWN = 200;

export class ExplorationView {
  readonly #root: HTMLElement;
  readonly #summary: HTMLElement;
  readonly #assumptions: HTMLElement;
  readonly #outcomes: HTMLElement;
  readonly #failure: HTMLElement;
  /** Data races and potential deadlocks (race-list-view.ts). */
  readonly #findings: ExploreFindingsView;
  /** "Step through the failure" was pressed: the page opens Step mode at that schedule. */
  readonly #onStepThrough: (schedule: string) => void;
  /** What the snippet's outcomes mean (its `outcomes` prop): each outcome's label and description. */
  readonly #declaration: OutcomeDeclaration | undefined;

  constructor(root: HTMLElement, onStepThrough: (schedule: string) => void, declaration?: OutcomeDeclaration) {
    this.#root = root;
    this.#onStepThrough = onStepThrough;
    this.#declaration = declaration;
    const field = (name: string): HTMLElement => {
      const el = root.querySelector<HTMLElement>(`[data-field="${name}"]`);
      if (!el) throw new Error(`Exploration read-out lacks its ${name} field.`);
      return el;
    };
    this.#summary = field('summary');
    this.#assumptions = field('assumptions');
    this.#outcomes = field('outcomes');
    this.#failure = field('failure');
    this.#findings = new ExploreFindingsView(root);
  }

  /** A search begins: nothing known yet. */
  start(): void {
    this.#root.setAttribute('aria-busy', 'true');
    delete this.#root.dataset.finished;
    delete this.#root.dataset.schedule;
    delete this.#root.dataset.error;
    this.#figures({ executions: 0, bound: 0, failures: 0, outcomes: [], mode: 'bounded' }, false);
    this.#summary.textContent = 'Exploring: starting the search…';
    this.#assumptions.hidden = true;
    for (const old of this.#root.querySelectorAll('[data-warning]')) old.remove();
    this.#failure.hidden = true;
    this.#failure.replaceChildren();
  }

  progress(progress: ExploreProgress): void {
    this.#figures(progress, false);
    this.#summary.textContent = progressSentence(progress);
  }

  /** The search ended: its report, complete or not. */
  report(report: ExploreReport): void {
    this.#figures(report, report.complete);
    this.#summary.textContent = summarySentence(report);
    this.#root.dataset.summary = report.unsupported ? 'unsupported' : report.complete ? 'complete' : 'incomplete';
    // What the search assumed, once it searched at all.
    this.#assumptions.textContent = report.assumptions;
    this.#assumptions.hidden = !report.assumptions || report.executions === 0;
    if (report.failure) {
      this.#root.dataset.schedule = report.failure.schedule;
      this.#showFailure(report.failure);
    }
    this.#end();
  }

  /** A warning under the summary: real runs did something no explored execution did. */
  warn(text: string): void {
    const warning = document.createElement('p');
    warning.className = 'pg-exploration-warning';
    warning.dataset.warning = 'unexplained';
    warning.textContent = text;
    this.#summary.after(warning);
  }

  /** The explorer itself failed (it could not start, or the engine threw): `message` says so. */
  failed(message: string): void {
    this.#root.dataset.complete = 'false';
    this.#root.dataset.error = '';
    this.#summary.textContent = message;
    this.#end();
  }

  #end(): void {
    this.#root.dataset.finished = 'true';
    this.#root.removeAttribute('aria-busy');
  }

  #figures(progress: ExploreProgress, complete: boolean): void {
    const data = this.#root.dataset;
    data.executions = String(progress.executions);
    data.complete = String(complete);
    data.bound = progress.bound === null ? 'none' : String(progress.bound);
    data.failures = String(progress.failures);
    data.mode = progress.mode;
    this.#showOutcomes(progress.outcomes);
    this.#findings.render(progress);
  }

  #showOutcomes(outcomes: readonly ExploreOutcome[]): void {
    const items = outcomes.slice(0, MAX_OUTCOMES_SHOWN).map((outcome) => outcomeItem(outcome, this.#declaration));
    // Declared meanings line the items up in columns: outcome, schedules, label, what it means.
    this.#outcomes.classList.toggle('pg-outcomes-labelled', this.#declaration !== undefined);
    if (outcomes.length > MAX_OUTCOMES_SHOWN) {
      const more = document.createElement('li');
      more.className = 'pg-outcome-more';
      more.textContent = `… ${count(outcomes.length - MAX_OUTCOMES_SHOWN, 'more outcome')}`;
      items.push(more);
    }
    this.#outcomes.replaceChildren(...items);
    this.#outcomes.hidden = outcomes.length === 0;
  }

  #showFailure(failure: ExploreFailure): void {
    const title = document.createElement('p');
    title.className = 'pg-failure-title';
    const heading = document.createElement('strong');
    heading.textContent = `${failureHeading(failure.preemptions)}:`;
    title.append(heading, ` ${failure.reason}`);

    const schedule = document.createElement('p');
    schedule.className = 'pg-failure-schedule';
    const code = document.createElement('code');
    code.textContent = failure.schedule;
    schedule.append('Its schedule: ', code);

    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.action = 'step-failure';
    button.dataset.schedule = failure.schedule;
    button.textContent = 'Step through the failure';
    button.addEventListener('click', () => this.#onStepThrough(failure.schedule));

    // The same steps in words, on demand; the button above steps through them in Step mode.
    const steps = document.createElement('details');
    steps.className = 'pg-failure-steps';
    const summary = document.createElement('summary');
    summary.textContent = `Its steps in words (${count(failure.steps.length, 'step')})`;
    steps.append(summary);
    const list = document.createElement('ol');
    // Scrollable when long, so in the tab order.
    list.tabIndex = 0;
    list.setAttribute('aria-label', `Steps of the failure (${count(failure.steps.length, 'step')})`);
    for (const step of failure.steps.slice(0, MAX_STEPS_SHOWN)) {
      const item = document.createElement('li');
      item.dataset.lane = step.lane;
      item.dataset.line = String(step.line);
      item.textContent = stepWords(step);
      list.append(item);
    }
    steps.append(list);
    if (failure.steps.length > MAX_STEPS_SHOWN) {
      const more = document.createElement('p');
      more.className = 'pg-failure-more';
      more.textContent = `… ${count(failure.steps.length - MAX_STEPS_SHOWN, 'more step')}`;
      steps.append(more);
    }

    const outputTitle = document.createElement('p');
    outputTitle.className = 'pg-failure-output-title';
    outputTitle.textContent = 'Its output:';
    const output = document.createElement('pre');
    output.className = 'pg-failure-output';
    output.tabIndex = 0; // scrollable when long
    const lines = failure.output.slice(0, MAX_OUTPUT_LINES_SHOWN);
    if (failure.output.length > MAX_OUTPUT_LINES_SHOWN) lines.push(`… ${count(failure.output.length - MAX_OUTPUT_LINES_SHOWN, 'more line')}`);
    output.textContent = lines.length > 0 ? lines.join('\n') : '(no output)';

    this.#failure.replaceChildren(title, schedule, button, steps, outputTitle, output);
    this.#failure.hidden = false;
  }
}

/**
 * One outcome: its last line, label, end state, count of schedules, and
 * whether it fails. With a declaration, its declared label (a word in its
 * colour) and what it means; the small version's lines are matched
 * (src/shared/outcomes.ts, `exploring`).
 */
function outcomeItem(outcome: ExploreOutcome, declaration: OutcomeDeclaration | undefined): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'pg-outcome';
  const meaning = declaration && labelOf(declaration, outcomeName(outcome.state, outcome.lastLine), 'explore');
  item.dataset.outcome = outcome.lastLine;
  item.dataset.count = String(outcome.count);
  // Labels come from the playground's declared outcomes (src/shared/outcomes.ts), the one place they are written.
  item.dataset.label = meaning?.label ?? '';
  item.dataset.state = outcome.state;
  item.dataset.failing = String(outcome.failing);
  item.dataset.schedule = outcome.schedule;

  const verdict = document.createElement('span');
  verdict.className = 'pg-outcome-verdict';
  verdict.textContent = outcome.failing ? '✗ fails' : '✓ no failure';
  const line = document.createElement('code');
  line.className = 'pg-outcome-line';
  line.textContent = outcome.lastLine || '(no output)';
  const about = document.createElement('span');
  about.className = 'pg-outcome-about';
  // Its end state: the engine's reason where it gives one ("console.assert failed at line 7").
  const words = [outcome.reason ?? stateWords(outcome.state), schedules(outcome.count)];
  about.textContent = words.join(' · ');
  if (!declaration) {
    item.append(line, ' ', about, ' ', verdict);
    return item;
  }
  const text = document.createElement('span');
  text.className = 'pg-outcome-meaning';
  text.textContent = meaning?.text ?? '';
  item.append(line, ' ', about, ' ', labelBadge(meaning), ' ', text, ' ', verdict);
  return item;
}
