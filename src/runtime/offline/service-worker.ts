/// <reference lib="webworker" />
/**
 * The service worker, bundled into dist/sw.js after the build (see
 * src/site/write-service-worker.ts). Two jobs:
 *
 * 1. Cross-origin isolation on hosts that cannot send headers (GitHub Pages):
 *    every response it serves carries COOP, COEP and CORP, so once it controls
 *    the page, SharedArrayBuffer exists. The page reloads once to get there
 *    (see the registration script in src/components/IsolationBanner.astro) —
 *    never in a loop.
 * 2. Offline: the whole course (pages, scripts, styles, search index) is cached
 *    at install; anything else fetched later (the editor) is cached on first use.
 */
declare const __PRECACHE__: string[];
declare const __VERSION__: string;

// The project's types include the DOM, where `self` is a Window; here it is the worker's scope.
const sw = globalThis as unknown as ServiceWorkerGlobalScope;
const CACHE = `racecourse-${__VERSION__}`;
const ISOLATION: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function isolated(response: Response): Response {
  // Opaque and error responses cannot be rebuilt; same-origin ones can.
  if (response.status === 0 || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

sw.addEventListener('install', (event: ExtendableEvent) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // One by one, so a single missing file does not lose the whole cache.
      await Promise.all(__PRECACHE__.map((url) => cache.add(url).catch(() => undefined)));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event: ExtendableEvent) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('racecourse-') && key !== CACHE) await caches.delete(key);
      await sw.clients.claim();
    })(),
  );
});

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return isolated(response);
  } catch {
    const cached = (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match('/404.html'));
    return cached ? isolated(cached) : Response.error();
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return isolated(cached);
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return isolated(response);
}

sw.addEventListener('fetch', (event: FetchEvent) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  // Pages change with each deploy: fresh when online, cached when not. Hashed assets never change.
  const page = request.mode === 'navigate' || request.destination === 'document' || request.destination === 'iframe';
  event.respondWith(page ? networkFirst(request) : cacheFirst(request));
});
