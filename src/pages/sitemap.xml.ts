import type { APIRoute } from 'astro';
import { loadCourse } from '../site/load-course.ts';

/** Every page worth indexing: the map, each lesson, the playground. */
export const GET: APIRoute = async ({ site }) => {
  const course = await loadCourse();
  const paths = ['/', ...course.lessons.map((l) => l.href), '/playground/'];
  const urls = paths.map((path) => `  <url><loc>${new URL(path, site).href}</loc></url>`).join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    { headers: { 'Content-Type': 'application/xml' } },
  );
};
