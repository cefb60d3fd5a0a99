import type { APIRoute } from 'astro';

/** Crawlers may read everything but the test harness; the sitemap lists the course. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nDisallow: /dev/\nSitemap: ${new URL('/sitemap.xml', site).href}\n`, {
    headers: { 'Content-Type': 'text/plain' },
  });
