/**
 * Step mode's scheduler (design/explorer.md §3, §6): one button per choice
 * (a runnable lane's next operation, or one ready event of an idle lane), the
 * lanes that wait and what for, the step count, how the execution ended, and
 * the schedule string, as text for people and as data attributes for tests
 * (`data-schedule`: the choices taken, `data-step`: how many, and
 * `data-loaded`: the schedule Next follows, on the group; `data-lane`,
 * `data-line`, `data-op` on each button). The buttons are made anew for every view, so
 * this view also puts the focus back where the learner was.
 */
import type { StepChoiceView, StepView } from '../../shared/protocol/explore.ts';
import { laneColour } from './lane-colours.ts';
import { choiceName, choiceText, endedSentence, stepCount } from './step-words.ts';

export class SchedulerView {
  readonly #root: HTMLElement;
  readonly #choices: HTMLElement;
  readonly #blocked: HTMLElement;
  readonly #count: HTMLElement;
  readonly #ended: HTMLElement;
  readonly #schedule: HTMLElement;
  readonly #prompt: HTMLElement;
  readonly #onChoose: (choice: StepChoiceView) => void;

  constructor(root: HTMLElement, onChoose: (choice: StepChoiceView) => void) {
    this.#root = root;
    this.#onChoose = onChoose;
    const field = (name: string): HTMLElement => {
      const el = root.querySelector<HTMLElement>(`[data-field="${name}"]`);
      if (!el) throw new Error(`Scheduler lacks its ${name} field.`);
      return el;
    };
    this.#choices = field('choices');
    this.#blocked = field('blocked');
    this.#count = field('count');
    this.#ended = field('ended');
    this.#schedule = field('schedule');
    this.#prompt = field('prompt');
  }

  /** Nothing to show yet (entering Step mode, before the first view arrives). */
  clear(schedule: string | null): void {
    this.#root.dataset.schedule = '';
    if (schedule) this.#root.dataset.loaded = schedule;
    else delete this.#root.dataset.loaded;
    this.#root.dataset.step = '0';
    this.#count.textContent = 'Step 0';
    this.#schedule.textContent = schedule ? `(loaded: ${schedule})` : '(none yet)';
    this.#choices.replaceChildren();
    this.#prompt.hidden = true;
    this.#blocked.replaceChildren();
    this.#blocked.hidden = true;
    this.#ended.hidden = true;
    delete this.#root.dataset.ended;
  }

  /** `loaded`: the schedule being replayed (Next follows it), when there is more of it than was taken. */
  render(view: StepView, loaded: string | null): void {
    this.#root.dataset.schedule = view.schedule;
    if (loaded && view.step < view.scheduleLength) this.#root.dataset.loaded = loaded;
    else delete this.#root.dataset.loaded;
    this.#root.dataset.step = String(view.step);
    this.#count.textContent = stepCount(view);
    this.#schedule.textContent = this.#root.dataset.loaded ? `${view.schedule} (loaded: ${this.#root.dataset.loaded})` : view.schedule;
    this.#choices.replaceChildren(...view.choices.map((choice, index) => this.#button(choice, index === view.next)));
    this.#prompt.hidden = view.choices.length === 0;

    const waiting = view.lanes.filter((lane) => lane.waitsFor && lane.state !== 'runnable' && lane.state !== 'finished');
    this.#blocked.replaceChildren(
      ...waiting.map((lane) => {
        const item = document.createElement('li');
        item.dataset.lane = lane.lane;
        item.dataset.blockedOn = lane.waitsFor;
        item.style.setProperty('--lane-colour', laneColour(lane.laneIndex));
        item.textContent = `${lane.lane} waits at line ${lane.line} for ${lane.waitsFor}`;
        return item;
      }),
    );
    this.#blocked.hidden = waiting.length === 0;

    if (view.ended) {
      this.#root.dataset.ended = view.ended.state;
      this.#ended.textContent = endedSentence(view.ended);
      this.#ended.hidden = false;
    } else {
      delete this.#root.dataset.ended;
      this.#ended.hidden = true;
    }
  }

  /**
   * Puts the focus on the button of the same lane (and event) if there still
   * is one, else on the first choice, else on `fallback` (Back). Called only
   * when the focus was in the scheduler, so it never pulls the focus from
   * somewhere else on the page.
   */
  restoreFocus(lane: { laneIndex: number; event: number } | undefined, fallback: HTMLElement): void {
    const buttons = [...this.#choices.querySelectorAll<HTMLButtonElement>('button')];
    const same =
      lane &&
      (buttons.find((b) => b.dataset.laneIndex === String(lane.laneIndex) && b.dataset.event === String(lane.event)) ??
        buttons.find((b) => b.dataset.laneIndex === String(lane.laneIndex)));
    (same ?? buttons[0] ?? fallback).focus();
  }

  firstChoice(): HTMLButtonElement | undefined {
    return this.#choices.querySelector('button') ?? undefined;
  }

  #button(choice: StepChoiceView, isNext: boolean): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'pg-choice';
    button.dataset.lane = choice.lane;
    button.dataset.laneIndex = String(choice.laneIndex);
    button.dataset.event = String(choice.event);
    button.dataset.line = String(choice.line);
    button.dataset.op = choice.op;
    button.style.setProperty('--lane-colour', laneColour(choice.laneIndex));

    const lane = document.createElement('span');
    lane.className = 'pg-choice-lane';
    lane.textContent = choice.lane;
    const rest = document.createElement('span');
    rest.className = 'pg-choice-op';
    rest.textContent = choiceText(choice).slice(choice.lane.length);
    // Named "Step <lane>…" as the contract says, and the name holds the visible text whole (WCAG's label in name):
    // "Step worker-1 · line 22 · write shared[0] ← 42", or for an event "Step main: timer set at line 4 · line 4".
    button.setAttribute('aria-label', choice.isEvent ? `${choiceName(choice)} · line ${choice.line}` : `Step ${choiceText(choice)}`);
    button.append(lane, rest);
    if (isNext) {
      button.dataset.next = 'true';
      const badge = document.createElement('span');
      badge.className = 'pg-choice-next';
      // Not "next": a test or a learner asking for the button named Next must find only the control.
      badge.textContent = 'the schedule’s choice';
      button.append(badge);
      button.setAttribute('aria-label', `${button.getAttribute('aria-label')!} (the schedule’s choice)`);
    }
    button.addEventListener('click', () => this.#onChoose(choice));
    return button;
  }
}
