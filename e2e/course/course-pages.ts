import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ExerciseCheck } from '../../src/shared/exercise.ts';

/**
 * The course as built: every lesson page in dist/ with its playgrounds and
 * exercises, read from the HTML at test-collection time so that each snippet
 * becomes a test of its own. COURSE_LESSON=/learn/races/ narrows it to the
 * lessons under that path (for writers working on one part).
 */
export interface SnippetRef {
  page: string;
  id: string;
  expectState: string;
  /** The snippet's source, as the page holds it (its original code). */
  code: string;
}

export interface ExerciseRef {
  page: string;
  id: string;
  /** Its starting code, its solution and its check, as the page holds them. */
  code: string;
  solution: string;
  check: ExerciseCheck;
}

const DIST_LEARN = join(process.cwd(), 'dist', 'learn');

function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name === 'index.html' ? [path] : [];
  });
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The value held by the first `<script type="application/json" data-part="…">` after `from`. */
function jsonPart<T = string>(html: string, part: string, from: number, missing: T): T {
  const open = `<script type="application/json" data-part="${part}">`;
  const start = html.indexOf(open, from);
  if (start < 0) return missing;
  const end = html.indexOf('</script>', start);
  return JSON.parse(html.slice(start + open.length, end)) as T;
}

export function coursePages(filter = process.env.COURSE_LESSON ?? ''): {
  snippets: SnippetRef[];
  exercises: ExerciseRef[];
} {
  const snippets: SnippetRef[] = [];
  const exercises: ExerciseRef[] = [];
  for (const file of htmlFiles(DIST_LEARN)) {
    const page = `/learn/${relative(DIST_LEARN, file).replace(/index\.html$/, '')}`;
    if (!page.startsWith(filter)) continue;
    const html = readFileSync(file, 'utf8');
    for (const { 0: tag, index } of html.matchAll(/<race-exercise\b[^>]*>/g)) {
      const id = attribute(tag, 'data-exercise-id');
      if (!id) continue;
      exercises.push({
        page,
        id,
        code: jsonPart(html, 'original', index, ''),
        solution: jsonPart(html, 'solution-code', index, ''),
        check: jsonPart<ExerciseCheck>(html, 'check', index, {}),
      });
    }
    for (const { 0: tag, index } of html.matchAll(/<race-playground\b[^>]*>/g)) {
      const id = attribute(tag, 'data-playground-id');
      // Exercise playgrounds are held to their check instead (see exercises.spec.ts).
      if (!id || id.startsWith('exercise-')) continue;
      snippets.push({ page, id, expectState: attribute(tag, 'data-expect-state') ?? 'done', code: jsonPart(html, 'original', index, '') });
    }
  }
  return { snippets, exercises };
}
