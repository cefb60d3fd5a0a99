import { parseOrderedName } from './course-path.ts';

/**
 * The course as a tree with an order: parts, each with its lessons. Pure data
 * in, pure data out, so the pages, the sidebar and the tests share one answer
 * to "what comes next".
 */

export interface PartInput {
  /** e.g. `01-foundations` */
  id: string;
  title: string;
  summary: string;
}

export interface LessonInput {
  /** e.g. `01-foundations/02-cores` */
  id: string;
  title: string;
  summary: string;
  minutes: number;
  /** Overrides the folder's NN- prefix when set. */
  order?: number | undefined;
}

export interface LessonNode {
  id: string;
  title: string;
  summary: string;
  minutes: number;
  href: string;
  partId: string;
}

export interface PartNode {
  id: string;
  title: string;
  summary: string;
  href: string;
  lessons: LessonNode[];
}

export interface Course {
  parts: PartNode[];
  /** Every lesson in reading order. */
  lessons: LessonNode[];
}

export function lessonHref(lessonId: string): string {
  const [part = '', lesson = ''] = lessonId.split('/');
  return `/learn/${parseOrderedName(part).slug}/${parseOrderedName(lesson).slug}/`;
}

export function partAnchor(partId: string): string {
  return `/#part-${parseOrderedName(partId).slug}`;
}

function byOrderThenId<T extends { order: number; id: string }>(a: T, b: T): number {
  return a.order - b.order || a.id.localeCompare(b.id);
}

export function buildCourse(parts: PartInput[], lessons: LessonInput[]): Course {
  const known = new Set(parts.map((p) => p.id));
  for (const lesson of lessons) {
    const partId = lesson.id.split('/')[0] ?? '';
    if (!known.has(partId)) {
      throw new Error(`Lesson "${lesson.id}" is in folder "${partId}", which has no part.json.`);
    }
  }
  const slugs = new Map<string, string>();
  for (const lesson of lessons) {
    const href = lessonHref(lesson.id);
    const clash = slugs.get(href);
    if (clash) throw new Error(`Lessons "${clash}" and "${lesson.id}" would share the URL ${href}.`);
    slugs.set(href, lesson.id);
  }

  const partNodes: PartNode[] = parts
    .map((p) => ({ ...p, order: parseOrderedName(p.id).order }))
    .sort(byOrderThenId)
    .map((p) => ({
      id: p.id,
      title: p.title,
      summary: p.summary,
      href: partAnchor(p.id),
      lessons: lessons
        .filter((l) => l.id.startsWith(`${p.id}/`))
        .map((l) => ({ ...l, order: l.order ?? parseOrderedName(l.id.split('/')[1] ?? '').order }))
        .sort(byOrderThenId)
        .map((l) => ({
          id: l.id,
          title: l.title,
          summary: l.summary,
          minutes: l.minutes,
          href: lessonHref(l.id),
          partId: p.id,
        })),
    }));
  return { parts: partNodes, lessons: partNodes.flatMap((p) => p.lessons) };
}

/** The lessons before and after `lessonId` in reading order, across parts. */
export function neighbours(
  course: Course,
  lessonId: string,
): { previous: LessonNode | undefined; next: LessonNode | undefined } {
  const index = course.lessons.findIndex((l) => l.id === lessonId);
  if (index < 0) throw new Error(`Unknown lesson "${lessonId}".`);
  return { previous: course.lessons[index - 1], next: course.lessons[index + 1] };
}
