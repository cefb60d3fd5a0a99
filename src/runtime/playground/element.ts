/**
 * <race-playground>: upgrades the static snippet rendered by Playground.astro.
 * It wires four pieces to the controls: the code it holds (held-code.ts:
 * saved edits, Reset, Share), its runs (run-controller.ts: Run, Stop, Run ×N
 * and the read-outs), its explorations (explore-controller.ts: Explore and
 * its read-out; Stop ends them too) and Step mode (step-controller.ts: Step
 * through, a share link with a schedule, Explore's "Step through the
 * failure"); it loads the editor on demand. The three modes never overlap:
 * entering one ends the others. It upgrades when it comes
 * near the viewport or takes focus (upgrade-when-near.ts), or at once when
 * its methods are called.
 */
import { HeldCode } from './held-code.ts';
import { upgradeWhenNear } from './upgrade-when-near.ts';
import { RunController, type RunOrigin } from './run-controller.ts';
import { ExploreController } from './explore-controller.ts';
import type { StepController } from './step-controller.ts';
import { announce, button, part, showNotice } from './parts.ts';
import { prepareOnIntent, prepareWhenIdle } from './warm-up.ts';
import { openEditor, preloadEditor, type CodeEditor } from '../editor/code-editor.ts';
import type { RunEvidence } from '../../shared/exercise.ts';
import type { OutcomeDeclaration } from '../../shared/outcomes.ts';

export type { RunOrigin };

class RacePlayground extends HTMLElement {
  #code: HeldCode | undefined;
  #runs!: RunController;
  #explore!: ExploreController;
  /** Step mode's controller, loaded on first use: most visits to a lesson never step, so its code is not in the page's first script. */
  #step: StepController | undefined;
  #stepLoading: Promise<StepController> | undefined;
  /** Bumped whenever Step mode is left: a Step through still loading its code then does not enter. */
  #stepWanted = 0;
  #editor: CodeEditor | undefined;
  #editorLoading: Promise<CodeEditor | undefined> | undefined;
  #stopWaiting: (() => void) | undefined;

  connectedCallback(): void {
    if (this.#code) return;
    // The runtime is prepared for the page's first Run once the page is idle, near or not.
    prepareWhenIdle();
    // A shared link's code (the /playground/ page) replaces the page's at once.
    if (this.hasAttribute('data-from-fragment')) this.#upgrade();
    else this.#stopWaiting ??= upgradeWhenNear(this, () => this.#upgrade());
  }

  disconnectedCallback(): void {
    this.#stopWaiting?.();
    this.#stopWaiting = undefined;
    this.#runs?.stop();
    this.#explore?.stop();
    this.#leaveStep();
  }

  /** Makes the static snippet a playground, once: when it is near, or when a method below needs it. */
  #upgrade(): void {
    if (this.#code) return;
    this.#stopWaiting?.();
    this.#stopWaiting = undefined;
    const code = new HeldCode(this);
    this.#code = code;
    const outcomes = declaredOutcomes(this);
    this.#runs = new RunController(this, () => code.current, outcomes);
    this.#explore = new ExploreController(
      this,
      () => code.current,
      () => this.#runs.stopAndSettle(),
      (ran) => this.#runs.resultsOf(ran),
      (schedule) => void this.stepThrough(schedule),
      outcomes,
    );
    code.restore();
    code.onChange(() => this.#step?.codeChanged());
    this.#wireControls();
    this.querySelector<HTMLElement>('.pg-toolbar')!.hidden = false;
    // A link with a schedule (`#code=…&schedule=…`) opens in Step mode at step 0, running nothing.
    if (code.linkSchedule) void this.stepThrough(code.linkSchedule);
  }

  /**
   * Runs the current code once and resolves with what the run produced. Each
   * run ends with a `playground-run-end` event (detail: { evidence, origin }),
   * which an enclosing exercise uses to check the learner's code.
   */
  async run(origin: RunOrigin = 'user'): Promise<RunEvidence> {
    this.#upgrade();
    this.#leaveStep();
    this.#explore.leave();
    return this.#runs.run(origin);
  }

  /**
   * Enters Step mode at step 0 of `schedule` (null: the learner chooses every
   * step): runs and explorations end first, and nothing runs until the
   * learner presses a button beyond showing step 0. `focus`: move the focus
   * to the scheduler (by default, only when it was in this playground).
   */
  async stepThrough(schedule: string | null = null, options: { focus?: boolean } = {}): Promise<void> {
    this.#upgrade();
    const wanted = ++this.#stepWanted;
    let step: StepController;
    try {
      step = await this.#stepController();
    } catch (error) {
      this.#stepLoading = undefined; // the next press tries again
      showNotice(this, `Step mode could not load (${error instanceof Error ? error.message : String(error)}). Your code is unchanged, and Run still works.`);
      return;
    }
    if (wanted !== this.#stepWanted) return; // the learner ran or explored while Step mode's code was loading
    await step.enter(schedule, options.focus);
  }

  /** Leaves Step mode, or cancels entering it (Run, Run ×N and Explore). */
  #leaveStep(): void {
    this.#stepWanted++;
    this.#step?.leave();
  }

  /** Loads Step mode's code (its own chunk) the first time it is needed, and makes the controller once. */
  #stepController(): Promise<StepController> {
    this.#stepLoading ??= import('./step-controller.ts').then(({ StepController }) => {
      const code = this.#code!;
      this.#step = new StepController(this, {
        code: () => code.current,
        stopOthers: () => {
          this.#explore.leave();
          return this.#runs.stopAndSettle();
        },
        editor: () => this.#editor,
      });
      return this.#step;
    });
    return this.#stepLoading;
  }

  /** The current code (the editor's, if open). */
  get code(): string {
    this.#upgrade();
    return this.#code!.current;
  }

  /** Calls `listener` after every change of the code: an edit, Reset, a replacement, Undo. */
  onCodeChange(listener: (code: string) => void): void {
    this.#upgrade();
    this.#code!.onChange(listener);
  }

  /** Replaces the code, saying why, with a way back (used by Reset and by an exercise's solution). */
  replaceCode(code: string, message: string): void {
    this.#upgrade();
    this.#code!.replace(code, message);
  }

  #wireControls(): void {
    const code = this.#code!;
    button(this, 'run').addEventListener('click', () => void this.run());
    for (const control of this.querySelectorAll<HTMLElement>('button[data-action^="run"]')) prepareOnIntent(control);
    button(this, 'stop').addEventListener('click', () => this.#stop());
    button(this, 'explore').addEventListener('click', () => {
      this.#leaveStep();
      void this.#explore.explore();
    });
    const step = button(this, 'step');
    step.addEventListener('click', () => {
      if (this.#step?.active) this.#step.focus();
      else void this.stepThrough();
    });
    // Step mode's chunk is fetched when a pointer or the keyboard reaches its button, so the click finds it ready.
    const preloadStep = () => void import('./step-controller.ts');
    step.addEventListener('pointerenter', preloadStep, { once: true, passive: true });
    step.addEventListener('focus', preloadStep, { once: true });
    const edit = button(this, 'edit');
    edit.addEventListener('click', () => void this.#openEditor(true));
    edit.addEventListener('pointerenter', () => preloadEditor(), { once: true, passive: true });
    edit.addEventListener('focus', () => preloadEditor(), { once: true });
    button(this, 'reset').addEventListener('click', () => code.reset());
    // In Step mode the link carries the schedule too, and opens in Step mode.
    button(this, 'share').addEventListener('click', () => void code.share(this.#step?.active ? this.#step.schedule : undefined));
    for (const many of this.querySelectorAll<HTMLButtonElement>('button[data-action="run-many"]')) {
      many.addEventListener('click', () => {
        this.#leaveStep();
        this.#explore.leave();
        void this.#runs.runMany(Number(many.dataset.times));
      });
    }
    // A click into the highlighted code opens the editor there.
    part(this, 'code').addEventListener('click', () => void this.#openEditor(true));

    this.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.#runFromKeyboard();
      } else if (event.key === 'Escape' && (this.dataset.state === 'running' || this.#explore.busy)) {
        this.#stop();
      }
    });
  }

  /** Stop (the button, Escape): ends the run or the exploration going on. */
  #stop(): void {
    this.#runs.stop();
    this.#explore.stop();
  }

  /** Ctrl+Enter: like the Run button, which waits while a search goes on. */
  #runFromKeyboard(): void {
    if (this.#explore.busy) announce(this, 'Exploring: press Escape or Stop to end the search first.');
    else void this.run();
  }

  async #openEditor(focus: boolean): Promise<void> {
    if (this.#editor) {
      if (focus) this.#editor.focus();
      return;
    }
    if (!this.#editorLoading) {
      const code = this.#code!;
      const edit = button(this, 'edit');
      edit.disabled = true;
      edit.textContent = 'Loading editor…';
      // code-editor.ts is part of this page's script, so the editor's own chunk is the first fetch.
      this.#editorLoading = openEditor({
        container: part(this, 'code'),
        code: code.current,
        label: `${this.querySelector('.pg-title')?.textContent ?? 'Snippet'}: code editor`,
        onChange: (changed) => code.set(changed),
        onEscape: () => this.#stop(),
        onRun: () => this.#runFromKeyboard(),
      })
        .then((editor) => {
          this.#editor = editor;
          code.attachEditor(editor);
          this.#step?.refreshMarks();
          this.dataset.editor = 'open';
          edit.remove();
          return editor;
        })
        .catch((error: unknown) => {
          this.#editorLoading = undefined;
          edit.disabled = false;
          edit.textContent = 'Edit';
          showNotice(this, `The editor could not load (${String(error)}). You can still run the code.`);
          return undefined;
        });
    }
    const editor = await this.#editorLoading;
    if (focus) editor?.focus();
  }
}

/** What the snippet's outcomes mean, as Playground.astro wrote it (checked at build time): none when it declares none. */
function declaredOutcomes(root: HTMLElement): OutcomeDeclaration | undefined {
  const json = root.querySelector('script[data-part="outcomes"]')?.textContent;
  return json ? (JSON.parse(json) as OutcomeDeclaration) : undefined;
}

customElements.define('race-playground', RacePlayground);

export type { RacePlayground };
