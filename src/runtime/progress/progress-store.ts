import type { KeyValueStore } from '../playground/storage.ts';

/**
 * The learner's progress, saved in the browser: which exercises of which
 * lesson passed. A lesson is complete when every exercise on its page passed.
 * Export and import move it between browsers as a JSON file.
 */
export interface LessonProgress {
  /** Exercise id → when it first passed (ms since epoch). */
  passed: Record<string, number>;
  /** How many exercises the lesson page has (recorded when it is visited). */
  total: number;
}

export interface Progress {
  version: 1;
  /** Keyed by lesson URL path, e.g. `/learn/races/lost-updates/`. */
  lessons: Record<string, LessonProgress>;
}

const KEY = 'racecourse:progress';

export function emptyProgress(): Progress {
  return { version: 1, lessons: {} };
}

export function isComplete(lesson: LessonProgress | undefined): boolean {
  return !!lesson && lesson.total > 0 && Object.keys(lesson.passed).length >= lesson.total;
}

/** Parses a progress file, refusing anything that is not one (with a reason a learner can read). */
export function parseProgress(text: string): { ok: true; progress: Progress } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not JSON.' };
  }
  if (typeof data !== 'object' || data === null || (data as Progress).version !== 1) {
    return { ok: false, reason: 'The file is not a Racecourse progress file (version 1).' };
  }
  const lessons = (data as Progress).lessons;
  if (typeof lessons !== 'object' || lessons === null) return { ok: false, reason: 'The file lists no lessons.' };
  const clean = emptyProgress();
  for (const [path, lesson] of Object.entries(lessons)) {
    if (!path.startsWith('/') || typeof lesson !== 'object' || lesson === null) continue;
    const passed: Record<string, number> = {};
    for (const [id, when] of Object.entries((lesson).passed ?? {})) {
      if (typeof when === 'number') passed[id] = when;
    }
    const total = Number((lesson).total);
    clean.lessons[path] = { passed, total: Number.isInteger(total) && total >= 0 ? total : 0 };
  }
  return { ok: true, progress: clean };
}

/** Combines two records of progress: an exercise passed in either counts as passed. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const out = emptyProgress();
  for (const path of new Set([...Object.keys(a.lessons), ...Object.keys(b.lessons)])) {
    const x = a.lessons[path];
    const y = b.lessons[path];
    const passed = { ...(y?.passed ?? {}), ...(x?.passed ?? {}) };
    out.lessons[path] = { passed, total: Math.max(x?.total ?? 0, y?.total ?? 0) };
  }
  return out;
}

export class ProgressStore {
  readonly #store: KeyValueStore | undefined;

  constructor(store: KeyValueStore | undefined) {
    this.#store = store;
  }

  load(): Progress {
    const raw = this.#safe(() => this.#store?.getItem(KEY)) ?? null;
    if (!raw) return emptyProgress();
    const parsed = parseProgress(raw);
    return parsed.ok ? parsed.progress : emptyProgress();
  }

  /** Records how many exercises a lesson has (its page knows). */
  setTotal(path: string, total: number): void {
    this.#update((p) => {
      const lesson = (p.lessons[path] ??= { passed: {}, total });
      lesson.total = total;
    });
  }

  markPassed(path: string, exerciseId: string, when = Date.now()): void {
    this.#update((p) => {
      const lesson = (p.lessons[path] ??= { passed: {}, total: 0 });
      lesson.passed[exerciseId] ??= when;
    });
  }

  /** Merges an imported file into what is saved; returns the result. */
  import(text: string): { ok: true; progress: Progress } | { ok: false; reason: string } {
    const parsed = parseProgress(text);
    if (!parsed.ok) return parsed;
    const merged = mergeProgress(this.load(), parsed.progress);
    this.#save(merged);
    return { ok: true, progress: merged };
  }

  export(): string {
    return JSON.stringify(this.load(), null, 2);
  }

  #update(change: (p: Progress) => void): void {
    const progress = this.load();
    change(progress);
    this.#save(progress);
  }

  #save(progress: Progress): void {
    this.#safe(() => this.#store?.setItem(KEY, JSON.stringify(progress)));
  }

  #safe<T>(action: () => T): T | undefined {
    try {
      return action();
    } catch {
      return undefined; // storage refused: progress lasts for this page only
    }
  }
}
