/**
 * Step mode's timeline: a row per lane, a column per step, the cell of the
 * lane that moved filled in that lane's colour (lane-colours.ts), so the
 * x-axis counts steps rather than milliseconds (design/explorer.md §3). The
 * figure is an image to assistive technology; the same steps are listed in
 * words beside it ("1. main · line 3 · spawn add as worker-1"). Redrawn whole
 * at every view: a few hundred cells at most.
 */
import type { StepView } from '../../shared/protocol/explore.ts';
import { stepWords } from './exploration-text.ts';
import { laneColour } from './lane-colours.ts';

/** Beyond this the figure shows the latest steps (the list in words keeps them all, up to its own cap). */
const MAX_STEPS_DRAWN = 300;
const MAX_STEPS_LISTED = 1_000;

export class StepTimelineView {
  readonly #figure: HTMLElement;
  readonly #list: HTMLOListElement;

  constructor(figure: HTMLElement, list: HTMLOListElement) {
    this.#figure = figure;
    this.#list = list;
  }

  clear(): void {
    this.#figure.replaceChildren();
    this.#list.replaceChildren();
  }

  render(view: Pick<StepView, 'lanes' | 'steps'>): void {
    const steps = view.steps.slice(-MAX_STEPS_DRAWN);
    const first = view.steps.length - steps.length; // steps before the drawn ones
    const columns = Math.max(steps.length, 1);
    const lanes = [...view.lanes].sort((a, b) => a.laneIndex - b.laneIndex);
    const rows = lanes.map((lane) => {
      const row = document.createElement('div');
      row.className = 'pg-step-lane';
      row.dataset.lane = lane.lane;
      const label = document.createElement('span');
      label.className = 'pg-step-lane-label';
      label.textContent = lane.lane;
      const track = document.createElement('div');
      track.className = 'pg-step-track';
      track.style.gridTemplateColumns = `repeat(${columns}, 1fr)`;
      track.style.setProperty('--lane-colour', laneColour(lane.laneIndex));
      steps.forEach((step, i) => {
        if (step.lane !== lane.lane) return;
        const box = document.createElement('span');
        box.className = 'pg-step-cell';
        box.style.gridColumn = String(i + 1);
        box.title = `${step.step}. ${stepWords(step)}`;
        track.append(box);
      });
      row.append(label, track);
      return row;
    });
    const axis = document.createElement('div');
    axis.className = 'pg-step-axis';
    axis.textContent = steps.length ? `steps ${first + 1}–${view.steps.length}` : 'no steps yet';
    this.#figure.replaceChildren(...rows, axis);

    this.#list.replaceChildren(
      ...view.steps.slice(0, MAX_STEPS_LISTED).map((step) => {
        const item = document.createElement('li');
        item.value = step.step;
        item.dataset.lane = step.lane;
        item.dataset.line = String(step.line);
        item.textContent = stepWords(step);
        return item;
      }),
    );
  }
}
