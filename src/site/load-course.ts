import { getCollection } from 'astro:content';
import { buildCourse, type Course } from './navigation.ts';

/** Reads both collections and returns the ordered course (build time only). */
export async function loadCourse(): Promise<Course> {
  const [parts, lessons] = await Promise.all([getCollection('parts'), getCollection('lessons')]);
  return buildCourse(
    parts.map((p) => ({ id: p.id, title: p.data.title, summary: p.data.summary })),
    lessons.map((l) => ({
      id: l.id,
      title: l.data.title,
      summary: l.data.summary,
      minutes: l.data.minutes,
      order: l.data.order,
    })),
  );
}
