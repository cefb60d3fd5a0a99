/**
 * The code a playground holds: its original (highlighted at build time, or a
 * shared link's), the learner's edits saved as they type, Reset and any
 * replacement with a way back, the Share link, and the notices about them
 * (an edit shown, the lesson's original changed since, storage refused).
 */
import type { CodeEditor } from '../editor/code-editor.ts';
import { readFragment, shareUrl } from './share.ts';
import { CodeStore, browserStore, hashCode } from './storage.ts';
import { announce, part, showNotice } from './parts.ts';

export class HeldCode {
  readonly #root: HTMLElement;
  #code = '';
  #original: string;
  /** The code highlighted at build time, and its nodes, to show again after a Reset. */
  #builtOriginal = '';
  #highlighted: Node[] = [];
  #store!: CodeStore;
  #editor: CodeEditor | undefined;
  #linkSchedule: string | undefined;
  readonly #listeners: ((code: string) => void)[] = [];

  constructor(root: HTMLElement) {
    this.#root = root;
    this.#original = JSON.parse(part(root, 'original').textContent ?? '""') as string;
  }

  /** The current code (the editor's, if open). */
  get current(): string {
    return this.#code;
  }

  /** Shows the code to start from: a saved edit, a shared link's, or the original. */
  restore(): void {
    const root = this.#root;
    this.#highlighted = [...part(root, 'code').childNodes];
    this.#builtOriginal = this.#original;
    if (root.hasAttribute('data-from-fragment')) {
      // /playground/: the link's code, with a storage slot of its own so opening
      // a shared link never overwrites what the learner had there before.
      const { code: shared, schedule } = readFragment(location.hash);
      if (shared !== undefined) {
        this.#original = shared;
        root.dataset.playgroundId = `shared-${hashCode(shared)}`;
        this.#linkSchedule = schedule;
      }
    }
    this.#store = new CodeStore(browserStore(), this.#storageKey(), this.#original);
    const restored = this.#store.restore();
    this.#code = restored.code;
    if (this.#code !== this.#builtOriginal) this.#showPlainCode(this.#code);
    if (restored.newerOriginal) {
      showNotice(root, 'The lesson’s code has changed since you edited it. Your version is kept; Reset shows the new original.', [
        { label: 'Keep mine', act: () => this.#store.acknowledgeNewerOriginal(this.#code) },
      ]);
    } else if (restored.edited) {
      showNotice(root, 'Showing your edited code, saved in this browser. Reset brings back the original.');
    }
  }

  /** The schedule of a Step mode link (`#code=…&schedule=…`), which opens the playground in Step mode. */
  get linkSchedule(): string | undefined {
    return this.#linkSchedule;
  }

  /** Calls `listener` with the code after every change (an edit, Reset, a replacement, Undo). */
  onChange(listener: (code: string) => void): void {
    this.#listeners.push(listener);
  }

  /** From now on the editor shows the code. */
  attachEditor(editor: CodeEditor): void {
    this.#editor = editor;
  }

  /** The learner changed the code: keep it, and save it. */
  set(code: string): void {
    const changed = code !== this.#code;
    this.#code = code;
    if (changed) for (const listener of this.#listeners) listener(code);
    if (!this.#store.save(code)) {
      showNotice(this.#root, 'This browser refuses to save your edits (private mode or full storage). Copy your code before leaving.');
    }
  }

  reset(): void {
    if (this.#code === this.#original) {
      showNotice(this.#root, 'This is already the original code.');
      return;
    }
    this.replace(this.#original, 'Original code restored.');
  }

  /** Replaces the code, saying why, with a way back (used by Reset and by an exercise's solution). */
  replace(code: string, message: string): void {
    const before = this.#code;
    if (before === code) return;
    this.#apply(code);
    showNotice(this.#root, message, [
      {
        label: 'Undo',
        act: () => {
          this.#apply(before);
          showNotice(this.#root, 'Your code is back.');
        },
      },
    ]);
  }

  /** Shows and copies a link to the code, and in Step mode to its schedule too (`#code=…&schedule=…`). */
  async share(schedule?: string): Promise<void> {
    const url = shareUrl(location.origin, this.#code, schedule);
    const box = part(this.#root, 'share');
    const input = part<HTMLInputElement>(this.#root, 'share-url');
    input.value = url;
    box.hidden = false;
    input.select();
    try {
      await navigator.clipboard.writeText(url);
      announce(this.#root, 'Share link copied to the clipboard.');
    } catch {
      announce(this.#root, 'Share link shown below the code; copy it from there.');
    }
  }

  #storageKey(): string {
    const id = this.#root.dataset.playgroundId ?? 'snippet';
    return `${location.pathname}#${id}`;
  }

  #apply(code: string): void {
    if (this.#editor) this.#editor.setValue(code);
    else if (code === this.#builtOriginal) part(this.#root, 'code').replaceChildren(...this.#highlighted);
    else this.#showPlainCode(code);
    this.set(code);
  }

  /** Shows code that is not the build-time highlighted original (a saved edit, a shared link). */
  #showPlainCode(code: string): void {
    if (this.#editor) return;
    const pre = document.createElement('pre');
    pre.className = 'pg-plain-code';
    // As the highlighted code's: scrollable sideways, so the keyboard can reach it.
    pre.tabIndex = 0;
    // One span.line per line, as Shiki's output has, so Step mode can mark lines in either.
    const body = document.createElement('code');
    const lines = code.replace(/\n$/, '').split('\n');
    lines.forEach((text, i) => {
      const line = document.createElement('span');
      line.className = 'line';
      line.textContent = text;
      body.append(line, i < lines.length - 1 || code.endsWith('\n') ? '\n' : '');
    });
    pre.append(body);
    part(this.#root, 'code').replaceChildren(pre);
  }
}
