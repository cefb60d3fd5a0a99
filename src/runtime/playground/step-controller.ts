/**
 * A playground's Step mode (design/explorer.md §3, §4, §6): the learner is the
 * scheduler. It keeps one stepper (an explorer worker) open while the root's
 * `data-mode` is `step`, and asks it for the view at a point of a schedule:
 * the engine replays from the start every time, so the page keeps only where
 * it stands (`#base`, the schedule it replays, and the view's step count).
 *
 * - A lane's button moves that lane: the loaded schedule's own next choice
 *   stays on it (Next keeps working), any other choice leaves it for the path
 *   actually taken.
 * - Back, Next and Reset replay the same schedule to another step count;
 *   Random to end finishes the execution and keeps that path.
 * - Actions queue, one request at a time, so quick clicks each move one step;
 *   an answer that arrives after Step mode was left (or re-entered) is dropped.
 * - Editing the code asks again for the same point on the new code; a
 *   schedule that no longer fits says so and offers to start fresh.
 */
import type { StepChoiceView, StepView } from '../../shared/protocol/explore.ts';
import { openStepper, type StepAnswer, type StepQuery, type Stepper } from '../runner/index.ts';
import type { CodeEditor } from '../editor/code-editor.ts';
import { SchedulerView } from '../views/scheduler-view.ts';
import { SharedStateView } from '../views/shared-state-view.ts';
import { StepOutputView } from '../views/step-output-view.ts';
import { StepTimelineView } from '../views/step-timeline-view.ts';
import { FindingListView } from '../views/race-list-view.ts';
import { endedSentence, stepSentence } from '../views/step-words.ts';
import { lineMarks, markCode } from './code-marks.ts';
import { announce, button, part } from './parts.ts';

/** After the last keystroke, before the view is asked for again on the edited code. */
const EDIT_DEBOUNCE_MS = 400;

/** One request: where to stand, and which schedule to replay from then on. */
interface Move {
  query: StepQuery;
  /** `keep`: go on replaying the same schedule; `taken`: replay the path the view reports from now on. */
  base: 'keep' | 'taken';
  /** The sentence to announce once the view is shown. */
  say: (view: StepView) => string;
  /** The lane whose button the learner pressed, to put the focus back on. */
  lane?: { laneIndex: number; event: number };
  /** Then check that the rest of the loaded schedule still fits the code (entering with one, after an edit). */
  checkFit?: boolean;
  /** The learner entered from a button of this playground: the focus goes to the scheduler (Next, or the first lane). */
  focusScheduler?: boolean;
}

export interface StepHooks {
  /** The current code. */
  code: () => string;
  /** Ends runs and explorations of this playground (they and Step mode never overlap); resolves once they have. */
  stopOthers: () => Promise<void>;
  /** The open editor, if any (it marks its own lines). */
  editor: () => CodeEditor | undefined;
}

export class StepController {
  readonly #root: HTMLElement;
  readonly #hooks: StepHooks;
  readonly #panel: HTMLElement;
  readonly #message: HTMLElement;
  readonly #schedulerRoot: HTMLElement;
  readonly #scheduler: SchedulerView;
  readonly #shared: SharedStateView;
  readonly #output: StepOutputView;
  readonly #timeline: StepTimelineView;
  /** The data races this execution has shown so far. */
  readonly #races: FindingListView;
  readonly #back: HTMLButtonElement;
  readonly #next: HTMLButtonElement;
  readonly #random: HTMLButtonElement;
  readonly #reset: HTMLButtonElement;

  #stepper: Stepper | undefined;
  /** The schedule every request replays (null: a fresh execution). */
  #base: string | null = null;
  #view: StepView | undefined;
  /** Bumped on entering and leaving: answers to an older generation are dropped. */
  #generation = 0;
  #queue: Promise<void> = Promise.resolve();
  #editTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(root: HTMLElement, hooks: StepHooks) {
    this.#root = root;
    this.#hooks = hooks;
    this.#panel = part(root, 'step');
    this.#message = part(root, 'step-message');
    this.#schedulerRoot = part(root, 'scheduler');
    this.#scheduler = new SchedulerView(this.#schedulerRoot, (choice) => this.#choose(choice));
    this.#shared = new SharedStateView(part(root, 'shared-state').querySelector<HTMLElement>('[data-field="shared"]')!);
    this.#output = new StepOutputView(part(root, 'step-output'));
    this.#timeline = new StepTimelineView(part(root, 'step-timeline'), part<HTMLOListElement>(root, 'step-list'));
    this.#races = new FindingListView(part(root, 'step-races'));
    this.#back = button(root, 'step-back');
    this.#next = button(root, 'step-next');
    this.#random = button(root, 'step-random');
    this.#reset = button(root, 'step-reset');
    this.#back.addEventListener('click', () => this.#move(() => this.#backMove()));
    this.#next.addEventListener('click', () => this.#move(() => this.#nextMove()));
    this.#random.addEventListener('click', () => this.#move(() => this.#randomMove()));
    this.#reset.addEventListener('click', () => this.#move(() => this.#resetMove()));
    this.#controls(undefined);
  }

  get active(): boolean {
    return this.#root.dataset.mode === 'step';
  }

  /** The schedule a Share link should carry: the loaded one (it opens at step 0 anyway), else the path taken. */
  get schedule(): string | undefined {
    return this.#base ?? this.#view?.schedule;
  }

  /**
   * Enters Step mode at step 0 of `schedule` (null: a fresh execution, the
   * learner choosing every step). Runs and explorations end first. `focus`:
   * whether the focus goes to the scheduler (by default, when it was in the playground).
   */
  async enter(schedule: string | null, focus?: boolean): Promise<void> {
    const generation = ++this.#generation;
    // From Step through, or Explore's failure button (hidden as the read-out goes): the focus follows to the scheduler.
    const focusScheduler = focus ?? this.#root.contains(document.activeElement);
    // Explore's leave() sets the mode to `run` at once, so Step mode's comes after it.
    const othersStopped = this.#hooks.stopOthers();
    this.#root.dataset.mode = 'step';
    part(this.#root, 'readouts').hidden = true;
    part(this.#root, 'exploration').hidden = true;
    this.#panel.hidden = false;
    this.#base = schedule;
    this.#view = undefined;
    this.#clearMessage();
    this.#scheduler.clear(schedule);
    this.#shared.clear();
    this.#output.clear();
    this.#timeline.clear();
    this.#controls(undefined);
    this.#schedulerRoot.removeAttribute('aria-busy');
    this.#queue = Promise.resolve();
    await othersStopped;
    if (generation !== this.#generation) return;
    this.#stepper ??= openStepper();
    this.#move(() => ({
      query: { schedule, steps: 0 },
      base: schedule ? 'keep' : 'taken',
      checkFit: schedule !== null,
      focusScheduler,
      say: () =>
        schedule
          ? 'Step mode, at step 0 of the loaded schedule: Next follows it, or choose which lane moves next.'
          : 'Step mode: choose which lane moves next.',
    }));
  }

  /** Leaves Step mode (Run, Explore): the worker ends, the marks in the code go. The caller sets the next mode. */
  leave(): void {
    if (!this.#stepper && this.#panel.hidden) return;
    this.#generation++;
    clearTimeout(this.#editTimer);
    this.#stepper?.close();
    this.#stepper = undefined;
    this.#view = undefined;
    this.#panel.hidden = true;
    this.#schedulerRoot.removeAttribute('aria-busy');
    this.#clearMessage();
    markCode(part(this.#root, 'code'), this.#hooks.editor(), []);
  }

  /** Step through, pressed again in Step mode: nothing starts over; the focus goes to the scheduler. */
  focus(): void {
    (this.#next.disabled ? (this.#scheduler.firstChoice() ?? this.#firstEnabledControl()) : this.#next).focus();
  }

  /** The code changed: once the learner pauses, the same point on the new code. */
  codeChanged(): void {
    if (!this.active || !this.#stepper) return;
    clearTimeout(this.#editTimer);
    this.#editTimer = setTimeout(() => {
      this.#move(() => ({
        query: { schedule: this.#base, steps: this.#view?.step ?? 0 },
        base: 'keep',
        checkFit: true,
        say: (view) => `The code changed; shown again at step ${view.step}.`,
      }));
    }, EDIT_DEBOUNCE_MS);
  }

  /** The editor opened (or the code's markup was replaced): the marks go where the code now is. */
  refreshMarks(): void {
    if (this.active && this.#view) markCode(part(this.#root, 'code'), this.#hooks.editor(), lineMarks(this.#view.lanes));
  }

  #choose(choice: StepChoiceView): void {
    this.#move(() => {
      const view = this.#view;
      // A button of an older view, pressed as it was being replaced: only if that lane can still move.
      const now = view?.choices.findIndex((c) => c.laneIndex === choice.laneIndex && c.event === choice.event) ?? -1;
      if (!view || now < 0 || view.ended) return undefined;
      const lane = { laneIndex: choice.laneIndex, event: choice.event };
      const say = (after: StepView) => this.#stepSaid(after);
      // The loaded schedule's own next choice: replay one step further, and Next keeps following it.
      if (now === view.next) return { query: { schedule: this.#base, steps: view.step + 1 }, base: 'keep', say, lane };
      return { query: { schedule: this.#base, steps: view.step, then: { lane: choice.laneIndex, event: choice.event } }, base: 'taken', say, lane };
    });
  }

  #nextMove(): Move | undefined {
    const view = this.#view;
    if (!view || view.next === undefined) return undefined;
    return { query: { schedule: this.#base, steps: view.step + 1 }, base: 'keep', say: (after) => this.#stepSaid(after) };
  }

  #backMove(): Move | undefined {
    const view = this.#view;
    if (!view || view.step === 0) return undefined;
    return { query: { schedule: this.#base, steps: view.step - 1 }, base: 'keep', say: (after) => `Back to step ${after.step}.` };
  }

  #resetMove(): Move | undefined {
    if (!this.#view) return undefined;
    return { query: { schedule: this.#base, steps: 0 }, base: 'keep', say: () => 'Back to step 0.' };
  }

  #randomMove(): Move | undefined {
    const view = this.#view;
    if (!view || view.ended) return undefined;
    return {
      query: { schedule: this.#base, steps: view.step, random: true },
      base: 'taken',
      say: (after) => `Ran to the end with random choices, at step ${after.step}. ${after.ended ? endedSentence(after.ended) : ''}`.trim(),
    };
  }

  #startFresh(): void {
    // The message (and this button) goes once the fresh view is shown; the focus then moves to the scheduler.
    this.#base = null;
    this.#move(() => ({ query: { schedule: null, steps: 0 }, base: 'taken', say: () => 'Started fresh at step 0: choose which lane moves next.' }));
  }

  /** "worker-2 wrote 42 to shared[0]", and how the execution ended if that step ended it. */
  #stepSaid(view: StepView): string {
    const last = view.steps.at(-1);
    const sentence = last ? `${stepSentence(last)}.` : `Step ${view.step}.`;
    return view.ended ? `${sentence} ${endedSentence(view.ended)}` : sentence;
  }

  /** Queues a move: it is worked out from the view it will start from, once the moves before it are shown. */
  #move(make: () => Move | undefined): void {
    const generation = this.#generation;
    this.#queue = this.#queue.then(async () => {
      if (generation !== this.#generation || !this.#stepper) return;
      const move = make();
      if (move) await this.#ask(move, generation);
    });
  }

  async #ask(move: Move, generation: number): Promise<void> {
    const focused = document.activeElement;
    const focusOnChoice = focused instanceof HTMLElement && focused.closest('.pg-choices') !== null;
    const focusInPanel = focused instanceof HTMLElement && this.#panel.contains(focused);
    this.#schedulerRoot.setAttribute('aria-busy', 'true');
    const answer: StepAnswer = await this.#stepper!.view(this.#hooks.code(), move.query);
    if (generation !== this.#generation) return;
    this.#schedulerRoot.removeAttribute('aria-busy');
    if (!answer.ok) {
      this.#failed(answer);
      return;
    }
    const view = answer.view;
    this.#base = move.base === 'keep' ? move.query.schedule : view.schedule;
    this.#clearMessage();
    this.#show(view);
    // The buttons were made anew: the focus goes back to the lane it was on, or somewhere near.
    const lost = !document.activeElement || document.activeElement === document.body || (document.activeElement as HTMLButtonElement).disabled;
    if (move.focusScheduler) this.focus();
    else if (focusOnChoice || (focusInPanel && lost)) this.#scheduler.restoreFocus(focusOnChoice ? move.lane : undefined, this.#firstEnabledControl());
    announce(this.#root, move.say(view));
    if (move.checkFit && view.step < view.scheduleLength) await this.#checkFit(view.scheduleLength, generation);
  }

  /**
   * Replays the loaded schedule to its end inside the explorer (nothing is
   * shown, nothing runs for real), so a schedule that no longer fits the code
   * is said at once rather than when Next reaches the step that breaks.
   */
  async #checkFit(length: number, generation: number): Promise<void> {
    const answer = await this.#stepper!.view(this.#hooks.code(), { schedule: this.#base, steps: length });
    if (generation !== this.#generation || answer.ok || !answer.mismatch) return;
    this.#failed(answer);
  }

  #show(view: StepView): void {
    this.#view = view;
    this.#scheduler.render(view, this.#base);
    this.#shared.render(view.arrays, view.syncs);
    this.#output.render(view.output);
    this.#timeline.render(view);
    this.#races.render(view.races ?? []);
    this.#controls(view);
    markCode(part(this.#root, 'code'), this.#hooks.editor(), lineMarks(view.lanes));
  }

  #controls(view: StepView | undefined): void {
    this.#back.disabled = !view || view.step === 0;
    this.#reset.disabled = !view || view.step === 0;
    this.#next.disabled = view?.next === undefined;
    this.#random.disabled = !view || view.ended !== undefined;
  }

  #firstEnabledControl(): HTMLElement {
    return [this.#back, this.#next, this.#random, this.#reset].find((b) => !b.disabled) ?? this.#back;
  }

  /** The engine's message, in the panel and said; the code is never touched. A mismatch offers to start fresh. */
  #failed(answer: Extract<StepAnswer, { ok: false }>): void {
    const where = answer.line !== undefined && !/\bline \d/i.test(answer.message) ? ` (line ${answer.line})` : '';
    const said = `${answer.message.replace(/\.$/, '')}${where}.`;
    const text = answer.mismatch && !/no longer fits/i.test(said) ? `This schedule no longer fits the code: ${said}` : said;
    const sentence = document.createElement('span');
    sentence.textContent = `${text} Your code is unchanged.`;
    this.#message.replaceChildren(sentence);
    this.#message.dataset.error = answer.mismatch ? 'mismatch' : 'error';
    if (answer.mismatch) {
      const fresh = document.createElement('button');
      fresh.type = 'button';
      fresh.dataset.action = 'step-fresh';
      fresh.textContent = 'Start fresh';
      fresh.addEventListener('click', () => this.#startFresh());
      this.#message.append(' ', fresh);
    }
    this.#controls(this.#view);
  }

  #clearMessage(): void {
    this.#message.replaceChildren();
    delete this.#message.dataset.error;
  }
}
