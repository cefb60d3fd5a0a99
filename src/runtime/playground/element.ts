/**
 * <race-playground>: upgrades the static snippet rendered by Playground.astro.
 * It owns the learner's code (saved as they type), the controls, and a run at
 * a time; the read-outs are views fed by the run's event stream.
 */
import { startRun, type RunHandle, type EndState } from './run-bridge.ts';
import { CodeStore, browserStore, hashCode } from './storage.ts';
import { codeFromFragment, shareUrl } from './share.ts';
import { OutputView } from '../views/output-view.ts';
import { TimingView, formatMs, utilisation, type Timing } from '../views/timing-view.ts';
import { TimelineModel } from '../views/timeline-model.ts';
import { TimelineView } from '../views/timeline-view.ts';
import { HistoryView } from '../views/history-view.ts';
import { OutcomeCounter } from '../views/histogram-model.ts';
import { HistogramView } from '../views/histogram-view.ts';
import type { CodeEditor } from '../editor/code-editor.ts';
import { lastResultLine, type RunEvidence } from '../../shared/exercise.ts';

type PlaygroundState = 'idle' | 'running' | EndState;

/** Who started a run: the learner, Run ×N, or an exercise's check. */
export type RunOrigin = 'user' | 'many' | 'check';

/** Output lines kept per run for an exercise's check (the runtime caps output too). */
const MAX_EVIDENCE_LINES = 5_000;

function part<T extends HTMLElement = HTMLElement>(root: HTMLElement, name: string): T {
  const el = root.querySelector<T>(`[data-part="${name}"]`);
  if (!el) throw new Error(`Playground markup lacks its "${name}" part.`);
  return el;
}

class RacePlayground extends HTMLElement {
  #code = '';
  #original = '';
  /** The code highlighted at build time, and its nodes, to show again after a Reset. */
  #builtOriginal = '';
  #highlighted: Node[] = [];
  #store!: CodeStore;
  #editor: CodeEditor | undefined;
  #editorLoading: Promise<CodeEditor | undefined> | undefined;
  #run: RunHandle | undefined;
  #manyTicket: { cancelled: boolean } | undefined;

  #output!: OutputView;
  #timing!: TimingView;
  #timelineModel = new TimelineModel();
  #timeline!: TimelineView;
  #history!: HistoryView;
  #histogram!: HistogramView;
  #lastTiming: Timing = { wallMs: 0, activeMs: 0, workers: 0 };

  connectedCallback(): void {
    if (this.#output) return;
    this.#original = JSON.parse(part(this, 'original').textContent ?? '""') as string;
    this.#output = new OutputView(part(this, 'output'));
    this.#timing = new TimingView(this.querySelector<HTMLElement>('[aria-label="Timing"]')!);
    this.#timeline = new TimelineView(
      part(this, 'timeline'),
      part<HTMLTableSectionElement>(this, 'timeline-table'),
      part(this, 'timeline-note'),
    );
    this.#history = new HistoryView(part<HTMLTableSectionElement>(this, 'history'));
    this.#histogram = new HistogramView(part(this, 'histogram'));

    this.#restoreCode();
    this.#wireControls();
    this.querySelector<HTMLElement>('.pg-toolbar')!.hidden = false;
  }

  disconnectedCallback(): void {
    this.#stop();
  }

  // ── the learner's code ────────────────────────────────────────────────

  #storageKey(): string {
    const id = this.dataset.playgroundId ?? 'snippet';
    return `${location.pathname}#${id}`;
  }

  #restoreCode(): void {
    this.#highlighted = [...part(this, 'code').childNodes];
    this.#builtOriginal = this.#original;
    if (this.hasAttribute('data-from-fragment')) {
      // /playground/: the link's code, with a storage slot of its own so opening
      // a shared link never overwrites what the learner had there before.
      const shared = codeFromFragment(location.hash);
      if (shared !== undefined) {
        this.#original = shared;
        this.dataset.playgroundId = `shared-${hashCode(shared)}`;
      }
    }
    this.#store = new CodeStore(browserStore(), this.#storageKey(), this.#original);
    const restored = this.#store.restore();
    this.#code = restored.code;
    if (this.#code !== this.#builtOriginal) this.#showPlainCode(this.#code);
    if (restored.newerOriginal) {
      this.#notice('The lesson’s code has changed since you edited it. Your version is kept; Reset shows the new original.', [
        { label: 'Keep mine', act: () => this.#store.acknowledgeNewerOriginal(this.#code) },
      ]);
    } else if (restored.edited) {
      this.#notice('Showing your edited code, saved in this browser. Reset brings back the original.');
    }
  }

  #setCode(code: string): void {
    this.#code = code;
    if (!this.#store.save(code)) {
      this.#notice('This browser refuses to save your edits (private mode or full storage). Copy your code before leaving.');
    }
  }

  /** Shows code that is not the build-time highlighted original (a saved edit, a shared link). */
  #showPlainCode(code: string): void {
    if (this.#editor) return;
    const pre = document.createElement('pre');
    pre.className = 'pg-plain-code';
    pre.textContent = code;
    part(this, 'code').replaceChildren(pre);
  }

  // ── controls ──────────────────────────────────────────────────────────

  #button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  }

  #wireControls(): void {
    this.#button('run').addEventListener('click', () => void this.run());
    this.#button('stop').addEventListener('click', () => this.#stop());
    this.#button('edit').addEventListener('click', () => void this.#openEditor(true));
    this.#button('reset').addEventListener('click', () => this.#reset());
    this.#button('share').addEventListener('click', () => void this.#share());
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-action="run-many"]')) {
      button.addEventListener('click', () => void this.#runMany(Number(button.dataset.times)));
    }
    // A click into the highlighted code opens the editor there.
    part(this, 'code').addEventListener('click', () => void this.#openEditor(true));

    this.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void this.run();
      } else if (event.key === 'Escape' && this.dataset.state === 'running') {
        this.#stop();
      }
    });
  }

  async #openEditor(focus: boolean): Promise<void> {
    if (this.#editor) {
      if (focus) this.#editor.focus();
      return;
    }
    if (!this.#editorLoading) {
      const edit = this.#button('edit');
      edit.disabled = true;
      edit.textContent = 'Loading editor…';
      this.#editorLoading = import('../editor/code-editor.ts')
        .then(({ openEditor }) =>
          openEditor({
            container: part(this, 'code'),
            code: this.#code,
            label: `${this.querySelector('.pg-title')?.textContent ?? 'Snippet'}: code editor`,
            onChange: (code) => this.#setCode(code),
            onEscape: () => this.#stop(),
            onRun: () => void this.run(),
          }),
        )
        .then((editor) => {
          this.#editor = editor;
          this.dataset.editor = 'open';
          edit.remove();
          return editor;
        })
        .catch((error: unknown) => {
          this.#editorLoading = undefined;
          edit.disabled = false;
          edit.textContent = 'Edit';
          this.#notice(`The editor could not load (${String(error)}). You can still run the code.`);
          return undefined;
        });
    }
    const editor = await this.#editorLoading;
    if (focus) editor?.focus();
  }

  #reset(): void {
    if (this.#code === this.#original) {
      this.#notice('This is already the original code.');
      return;
    }
    this.replaceCode(this.#original, 'Original code restored.');
  }

  #applyCode(code: string): void {
    if (this.#editor) this.#editor.setValue(code);
    else if (code === this.#builtOriginal) this.#restoreHighlighted();
    else this.#showPlainCode(code);
    this.#setCode(code);
  }

  #restoreHighlighted(): void {
    part(this, 'code').replaceChildren(...this.#highlighted);
  }

  async #share(): Promise<void> {
    const url = shareUrl(location.origin, this.#code);
    const box = part(this, 'share');
    const input = part<HTMLInputElement>(this, 'share-url');
    input.value = url;
    box.hidden = false;
    input.select();
    try {
      await navigator.clipboard.writeText(url);
      this.#announce('Share link copied to the clipboard.');
    } catch {
      this.#announce('Share link shown below the code; copy it from there.');
    }
  }

  #notice(text: string, actions: { label: string; act: () => void }[] = []): void {
    const notice = part(this, 'notice');
    notice.replaceChildren(text);
    for (const { label, act } of actions) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.addEventListener('click', () => {
        act();
        if (notice.contains(button)) notice.hidden = true;
      });
      notice.append(' ', button);
    }
    notice.hidden = false;
  }

  #announce(text: string): void {
    part(this, 'announcer').textContent = text;
  }

  // ── running ───────────────────────────────────────────────────────────

  #setState(state: PlaygroundState): void {
    this.dataset.state = state;
    this.#button('stop').disabled = state !== 'running';
  }

  /**
   * Runs the current code once and resolves with what the run produced. Each
   * run ends with a `playground-run-end` event (detail: { evidence, origin }),
   * which an enclosing exercise uses to check the learner's code.
   */
  async run(origin: RunOrigin = 'user'): Promise<RunEvidence> {
    this.#stop();
    return this.#runOnce(origin);
  }

  /** The current code (the editor's, if open). */
  get code(): string {
    return this.#code;
  }

  /** Replaces the code, saying why, with a way back (used by Reset and by an exercise's solution). */
  replaceCode(code: string, message: string): void {
    const before = this.#code;
    if (before === code) return;
    this.#applyCode(code);
    this.#notice(message, [
      {
        label: 'Undo',
        act: () => {
          this.#applyCode(before);
          this.#notice('Your code is back.');
        },
      },
    ]);
  }

  async #runOnce(origin: RunOrigin): Promise<RunEvidence> {
    const lines: RunEvidence['lines'] = [];
    part(this, 'readouts').hidden = false;
    this.#output.clear();
    this.#timelineModel.clear();
    this.#timeline.clear();
    this.#lastTiming = { wallMs: 0, activeMs: 0, workers: 0 };
    this.#timing.update(this.#lastTiming);
    this.#setState('running');

    const handle = startRun(this.#code, {
      output: (batch) => {
        this.#output.append(batch);
        for (const line of batch) if (lines.length < MAX_EVIDENCE_LINES) lines.push({ stream: line.stream, text: line.text });
      },
      taskState: (task, state, atMs) => {
        if (state === 'idle') this.#timelineModel.leave(task, atMs);
        else this.#timelineModel.enter(task, state, atMs);
      },
      taskEnded: (task, atMs) => this.#timelineModel.end(task, atMs),
      // The bridge calls this once a frame while the run goes on: the moment to draw.
      timing: (timing) => {
        this.#lastTiming = timing;
        this.#draw(false);
      },
    });
    this.#run = handle;
    const outcome = await handle.done;
    const evidence: RunEvidence = { state: outcome.state, lines, ...outcome.timing };
    if (this.#run !== handle) return evidence; // a newer run took over this playground
    this.#run = undefined;
    this.#lastTiming = outcome.timing;
    this.#timelineModel.closeAll(outcome.timing.wallMs);
    this.#draw(true);
    this.#setState(outcome.state);
    this.#history.add({ ...outcome.timing, state: outcome.state });
    this.#announce(
      `Run ${outcome.state === 'done' ? 'finished' : `ended: ${outcome.state}`} after ${formatMs(outcome.timing.wallMs)}, utilisation ${utilisation(outcome.timing).toFixed(2)}.`,
    );
    this.dispatchEvent(new CustomEvent('playground-run-end', { bubbles: true, detail: { evidence, origin } }));
    return evidence;
  }

  #stop(): void {
    if (this.#manyTicket) this.#manyTicket.cancelled = true;
    this.#run?.stop();
  }

  async #runMany(times: number): Promise<void> {
    this.#stop();
    const ticket = { cancelled: false };
    this.#manyTicket = ticket;
    const counter = new OutcomeCounter();
    this.#histogram.render(counter, times);
    for (let i = 0; i < times && !ticket.cancelled; i++) {
      const evidence = await this.#runOnce('many');
      if (ticket.cancelled) break;
      counter.add(evidence.state === 'done' ? lastResultLine(evidence) : `(${evidence.state})`);
      this.#histogram.render(counter, times);
    }
    if (this.#manyTicket === ticket) this.#manyTicket = undefined;
  }

  #draw(final: boolean): void {
    this.#timing.update(this.#lastTiming);
    this.#timeline.render(this.#timelineModel.lanes, this.#lastTiming.wallMs, final);
  }
}

customElements.define('race-playground', RacePlayground);

export type { RacePlayground };
