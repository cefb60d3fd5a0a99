/**
 * Course order and URLs come from folder names, never from a list kept by
 * hand: `content/02-threads/03-shared-memory/index.mdx` is the third lesson
 * of the second part, served at `/learn/threads/shared-memory/`.
 */

/** A folder name split into its order prefix and its URL slug. */
export interface OrderedName {
  order: number;
  slug: string;
}

const ORDERED_NAME = /^(\d+)-([a-z0-9][a-z0-9-]*)$/;

/** Splits `03-shared-memory` into `{ order: 3, slug: 'shared-memory' }`. */
export function parseOrderedName(name: string): OrderedName {
  const match = ORDERED_NAME.exec(name);
  if (!match?.[1] || !match[2]) {
    throw new Error(
      `"${name}" is not a course folder name: expected NN-lowercase-words, like "03-shared-memory".`,
    );
  }
  return { order: Number(match[1]), slug: match[2] };
}

/** Where a lesson sits: the ids used by the content collections. */
export interface LessonPath {
  /** Content id of the part, e.g. `02-threads`. */
  partId: string;
  /** Content id of the lesson, e.g. `02-threads/03-shared-memory`. */
  lessonId: string;
}

/** Reads a lesson file path relative to `content/`, e.g. `02-threads/03-shared-memory/index.mdx`. */
export function parseLessonPath(entry: string): LessonPath {
  const parts = entry.split('/');
  if (parts.length !== 3 || parts[2] !== 'index.mdx') {
    throw new Error(`Lesson "${entry}" must live at content/NN-part/NN-lesson/index.mdx.`);
  }
  const [part = '', lesson = ''] = parts;
  parseOrderedName(part);
  parseOrderedName(lesson);
  return { partId: part, lessonId: `${part}/${lesson}` };
}

/** Reads a part file path relative to `content/`, e.g. `02-threads/part.json`. */
export function parsePartPath(entry: string): string {
  const parts = entry.split('/');
  if (parts.length !== 2 || parts[1] !== 'part.json') {
    throw new Error(`Part "${entry}" must live at content/NN-part/part.json.`);
  }
  const [part = ''] = parts;
  parseOrderedName(part);
  return part;
}
