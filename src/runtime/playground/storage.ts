/**
 * The learner's code for each playground, saved in the browser as they type.
 * A saved record remembers which original it was edited from, so that when a
 * lesson's code changes the page can say "a newer original exists" instead of
 * silently dropping the learner's version.
 */

/** The part of the Web Storage API we use; a Map-backed fake serves in tests. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SavedCode {
  code: string;
  /** Hash of the original code this edit started from. */
  originalHash: string;
  savedAt: number;
}

export interface RestoredCode {
  /** The code to show: the learner's edit if there is one, else the original. */
  code: string;
  edited: boolean;
  /** The learner's edit was made against an older version of the original. */
  newerOriginal: boolean;
}

const PREFIX = 'racecourse:code:';

/** A short, stable hash (FNV-1a, 32 bit) — enough to notice that an original changed. */
export function hashCode(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export class CodeStore {
  readonly #store: KeyValueStore | undefined;
  readonly #key: string;
  readonly #original: string;

  /** `store` is undefined where the browser refuses storage; edits then live only in the page. */
  constructor(store: KeyValueStore | undefined, playgroundKey: string, original: string) {
    this.#store = store;
    this.#key = PREFIX + playgroundKey;
    this.#original = original;
  }

  restore(): RestoredCode {
    const saved = this.#read();
    if (!saved || saved.code === this.#original) {
      return { code: this.#original, edited: false, newerOriginal: false };
    }
    return { code: saved.code, edited: true, newerOriginal: saved.originalHash !== hashCode(this.#original) };
  }

  /** Saves `code`; saving the original itself clears the record. Returns false if storage refused. */
  save(code: string): boolean {
    if (!this.#store) return false;
    try {
      if (code === this.#original) {
        this.#store.removeItem(this.#key);
      } else {
        const record: SavedCode = { code, originalHash: this.#originalHash(), savedAt: Date.now() };
        this.#store.setItem(this.#key, JSON.stringify(record));
      }
      return true;
    } catch {
      // Quota exceeded or storage disabled: the caller tells the learner.
      return false;
    }
  }

  /**
   * Keeps the hash of the original the learner first edited from, so the
   * "newer original" notice survives further typing until they reset.
   */
  #originalHash(): string {
    return this.#read()?.originalHash ?? hashCode(this.#original);
  }

  /** Forgets the notice about a newer original while keeping the learner's code. */
  acknowledgeNewerOriginal(code: string): void {
    if (!this.#store || code === this.#original) return;
    const record: SavedCode = { code, originalHash: hashCode(this.#original), savedAt: Date.now() };
    try {
      this.#store.setItem(this.#key, JSON.stringify(record));
    } catch {
      /* nothing to do: the notice will show again next time */
    }
  }

  #read(): SavedCode | undefined {
    if (!this.#store) return undefined;
    try {
      const raw = this.#store.getItem(this.#key);
      if (!raw) return undefined;
      const parsed = JSON.parse(raw) as Partial<SavedCode>;
      if (typeof parsed.code !== 'string' || typeof parsed.originalHash !== 'string') return undefined;
      return { code: parsed.code, originalHash: parsed.originalHash, savedAt: Number(parsed.savedAt) || 0 };
    } catch {
      return undefined;
    }
  }
}

let probed: { store: KeyValueStore | undefined } | undefined;

/**
 * localStorage, or undefined where the browser refuses it (some private modes).
 * Probed once per page: every playground, exercise and progress mark asks.
 */
export function browserStore(): KeyValueStore | undefined {
  probed ??= { store: probeLocalStorage() };
  return probed.store;
}

function probeLocalStorage(): KeyValueStore | undefined {
  try {
    const probe = 'racecourse:probe';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    return undefined;
  }
}
