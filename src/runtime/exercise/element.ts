/**
 * <race-exercise>: checks the learner's runs of the playground inside it.
 * After each Run the learner starts, the declarative check runs; when it asks
 * for more than one run (a race can hide in one), the exercise runs the code
 * again itself until it has enough runs or one fails. When the check also
 * explores (design/explorer.md §5), the real runs are followed by a search
 * over every interleaving of the small version of the code; a failure there
 * is told step by step, in words, with a button that opens the playground's
 * Step mode at that schedule (design/explorer.md §5). A pass is saved as progress.
 */
import { checkExploration, checkRuns, exploreOptionsFor, type ExerciseCheck, type RunEvidence } from '../../shared/exercise.ts';
import type { ExploreFailure } from '../../shared/protocol/explore.ts';
import { startExploration } from '../runner/index.ts';
import { count, stepWords } from '../views/exploration-text.ts';
import type { RacePlayground, RunOrigin } from '../playground/element.ts';
import { browserStore } from '../playground/storage.ts';
import { ProgressStore } from '../progress/progress-store.ts';
import { lessonPath } from '../progress/lesson-path.ts';
import { lineDiff, lineRange } from './line-diff.ts';

type Status = 'unsolved' | 'passed' | 'failed';

/** Steps of a failing interleaving shown under the verdict (the last ones: they lead to the failure). */
const MAX_STORY_STEPS = 60;

function part<T extends HTMLElement = HTMLElement>(root: HTMLElement, name: string): T {
  const el = root.querySelector<T>(`[data-part="${name}"]`);
  if (!el) throw new Error(`Exercise markup lacks its "${name}" part.`);
  return el;
}

class RaceExercise extends HTMLElement {
  #check: ExerciseCheck = {};
  #solution = '';
  #checking = false;
  #progress = new ProgressStore(browserStore());

  connectedCallback(): void {
    if (this.#solution) return;
    this.#check = JSON.parse(part(this, 'check').textContent ?? '{}') as ExerciseCheck;
    this.#solution = JSON.parse(part(this, 'solution-code').textContent ?? '""') as string;
    const id = this.dataset.exerciseId ?? '';
    if (this.#progress.load().lessons[lessonPath()]?.passed[id]) {
      this.#setStatus('unsolved', 'You solved this before. Run it again to check your current code.');
    }

    this.addEventListener('playground-run-end', (event) => {
      const { evidence, origin } = (event as CustomEvent<{ evidence: RunEvidence; origin: RunOrigin }>).detail;
      if (origin === 'user' && !this.#checking) void this.#checkFrom(evidence);
    });
    this.#wireHelp();
    part(this, 'ex-help').hidden = false;
    // The failing interleaving, replayed by the learner: Step mode at step 0, Next follows it.
    this.querySelector<HTMLButtonElement>('button[data-action="ex-step-through"]')!.addEventListener('click', () => {
      const schedule = part(this, 'ex-interleaving').dataset.schedule;
      if (schedule) void this.#playground().stepThrough(schedule, { focus: true });
    });
  }

  #playground(): RacePlayground {
    const playground = this.querySelector<RacePlayground>('race-playground');
    if (!playground) throw new Error('An exercise needs its playground.');
    return playground;
  }

  async #checkFrom(first: RunEvidence): Promise<void> {
    const needed = this.#check.runs ?? 1;
    const runs = [first];
    this.#checking = true;
    try {
      // Keep running while every run so far passed and more are needed.
      while (runs.length < needed && checkRuns({ ...this.#check, runs: runs.length }, runs).passed) {
        this.#setStatus('unsolved', `Checking: run ${runs.length + 1} of ${needed}…`);
        const evidence = await this.#playground().run('check');
        if (evidence.state === 'stopped' && runs.length > 0) {
          this.#setStatus('unsolved', `Check stopped after ${runs.length} of ${needed} runs.`);
          return;
        }
        runs.push(evidence);
      }
    } finally {
      this.#checking = false;
    }
    const verdict = checkRuns(this.#check, runs);
    if (verdict.passed && exploreOptionsFor(this.#check)) {
      await this.#checkInterleavings(needed);
      return;
    }
    if (verdict.passed) {
      this.#setStatus('passed', needed > 1 ? `Passed: all ${needed} runs are right.` : 'Passed: that is right.');
      this.#progress.markPassed(lessonPath(), this.dataset.exerciseId ?? '');
      document.dispatchEvent(new CustomEvent('progress-changed'));
    } else {
      this.#setStatus('failed', 'Not yet.', verdict.reasons);
    }
  }

  /** The real runs passed: now every interleaving of the small version (`exploring`) must pass too. */
  async #checkInterleavings(runs: number): Promise<void> {
    const options = exploreOptionsFor(this.#check)!;
    const ran = runs > 1 ? `All ${runs} runs are right. ` : 'The run is right. ';
    this.#setStatus('unsolved', `${ran}Now trying every interleaving of a small version of your code…`);
    this.#checking = true;
    let report;
    try {
      report = await startExploration(this.#playground().code, options, (progress) => {
        this.#setStatus('unsolved', `${ran}Trying every interleaving of a small version of your code: ${count(progress.executions, 'interleaving')} so far…`);
      }).done;
    } catch (error) {
      this.#setStatus('failed', 'The interleavings could not be checked.', [error instanceof Error ? error.message : String(error)]);
      return;
    } finally {
      this.#checking = false;
    }
    const verdict = checkExploration(report);
    if (verdict.passed) {
      this.#setStatus('passed', `Passed: ${ran.toLowerCase().trim()} And all ${count(report.executions, 'interleaving')} of the small version (up to ${report.bound ?? 'any number of'} preemptions) pass.`);
      this.#progress.markPassed(lessonPath(), this.dataset.exerciseId ?? '');
      document.dispatchEvent(new CustomEvent('progress-changed'));
    } else {
      this.#setStatus('failed', `Not yet: ${ran.toLowerCase().trim()} But the explorer found an interleaving that goes wrong.`, verdict.reasons, report.failure);
    }
  }

  #setStatus(status: Status, text: string, reasons: string[] = [], failure?: ExploreFailure): void {
    this.dataset.status = status;
    part(this, 'ex-status').textContent = text;
    const list = part(this, 'ex-reasons');
    list.replaceChildren(
      ...reasons.slice(0, 3).map((reason) => {
        const item = document.createElement('li');
        item.textContent = reason;
        return item;
      }),
    );
    this.#showInterleaving(failure);
  }

  /** The failing interleaving, step by step in words (which lane did what, in order), and its schedule. */
  #showInterleaving(failure: ExploreFailure | undefined): void {
    const story = part(this, 'ex-interleaving');
    story.hidden = !failure;
    part(this, 'ex-step').hidden = !failure;
    if (!failure) return;
    const shown = failure.steps.slice(-MAX_STORY_STEPS);
    const skipped = failure.steps.length - shown.length;
    const list = document.createElement('ol');
    list.start = skipped + 1;
    list.append(
      ...shown.map((step) => {
        const item = document.createElement('li');
        item.dataset.lane = step.lane;
        item.textContent = stepWords(step);
        return item;
      }),
    );
    const summary = document.createElement('summary');
    summary.textContent = `The interleaving that goes wrong, step by step (${count(failure.steps.length, 'step')}${skipped ? `, the last ${shown.length} shown` : ''})`;
    const schedule = document.createElement('p');
    schedule.className = 'ex-schedule';
    schedule.textContent = `Schedule: ${failure.schedule}`;
    story.replaceChildren(summary, list, schedule);
    story.dataset.schedule = failure.schedule;
  }

  #wireHelp(): void {
    const hintButton = this.querySelector<HTMLButtonElement>('button[data-action="hint"]')!;
    const hints = [...part(this, 'hints').querySelectorAll<HTMLElement>('li')];
    const count = part(this, 'hint-count');
    const renderCount = (): void => {
      const left = hints.filter((h) => h.hidden).length;
      count.textContent = left === 0 ? 'No more hints' : `${left} of ${hints.length} hints left`;
      hintButton.disabled = left === 0;
    };
    hintButton.addEventListener('click', () => {
      const next = hints.find((h) => h.hidden);
      if (!next) return;
      next.hidden = false;
      next.tabIndex = -1;
      next.focus();
      renderCount();
    });
    renderCount();

    const solutionButton = this.querySelector<HTMLButtonElement>('button[data-action="solution"]')!;
    const solution = part(this, 'solution');
    let following = false;
    solutionButton.addEventListener('click', () => {
      solution.hidden = !solution.hidden;
      solutionButton.setAttribute('aria-expanded', String(!solution.hidden));
      solutionButton.textContent = solution.hidden ? 'Show solution' : 'Hide solution';
      if (solution.hidden) return;
      // From the first opening on, the comparison follows the learner's edits (and Use this solution, and Undo).
      // Not earlier: asking the playground for its code upgrades it, and a playground upgrades only when it is near.
      if (!following) {
        following = true;
        this.#playground().onCodeChange(() => {
          if (!solution.hidden) this.#compare();
        });
      }
      this.#compare();
    });
    this.querySelector('button[data-action="use-solution"]')!.addEventListener('click', () => {
      this.#playground().replaceCode(this.#solution, 'The solution is in the playground now; Undo brings your code back.');
      this.#playground().scrollIntoView({ block: 'nearest' });
    });
  }

  /**
   * The learner's code beside the solution, each side's differing lines marked
   * (`data-diff`, a tint and a bar, and a sentence that names them), so the
   * learner can see what to change without losing what they wrote.
   */
  #compare(): void {
    const mine = this.#playground().code;
    const diff = lineDiff(mine, this.#solution);
    const pre = part(this, 'mine');
    // One span per line, newlines between them, as Shiki writes the solution's code.
    const lines = mine.replace(/\n$/, '').split('\n').flatMap((text, i) => {
      const line = document.createElement('span');
      line.className = 'line';
      line.textContent = text;
      line.toggleAttribute('data-diff', diff.mine[i] ?? false);
      return i === 0 ? [line] : ['\n', line];
    });
    pre.replaceChildren(...lines);
    part(this, 'mine-figure').hidden = false;
    const solutionLines = part(this, 'solution-figure').querySelectorAll<HTMLElement>('pre .line');
    solutionLines.forEach((line, i) => line.toggleAttribute('data-diff', diff.theirs[i] ?? false));
    part(this, 'diff-summary').textContent = diffSummary(diff.hunks);
  }
}

/** The differences in words: where the first one is, and how many more follow. */
function diffSummary(hunks: ReturnType<typeof lineDiff>['hunks']): string {
  const first = hunks[0];
  if (!first) return 'Your code already matches the solution, line for line.';
  const mine = lineRange(first.mine);
  const theirs = lineRange(first.theirs);
  const where =
    mine && theirs
      ? `your ${mine} against the solution's ${theirs}`
      : mine
        ? `your ${mine}, which the solution does not have`
        : `the solution's ${theirs}, which your code does not have`;
  const more = hunks.length > 1 ? ` ${hunks.length - 1} more ${hunks.length === 2 ? 'place differs' : 'places differ'} further down.` : '';
  return `Marked: the lines that differ. The first difference: ${where}.${more} Your code stays as it is unless you press Use this solution.`;
}

customElements.define('race-exercise', RaceExercise);
