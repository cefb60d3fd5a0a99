/**
 * The explorer worker is the page's own child, on the site's origin, and it
 * compiles the learner's code (which a shared link can bring). Before any of
 * that code runs, this removes every way out of the worker that the
 * explorer does not need: storage (Cache Storage, which the service worker
 * serves pages from, IndexedDB), the network, nested workers and
 * cross-context messaging. What is left is computation, and the one port to
 * the page, which the worker keeps for itself before calling this.
 *
 * Removing a name from the snippet's scope is not enough (`globalThis["ca" +
 * "ches"]` reaches it), so each one is deleted from the global object and its
 * prototype chain, then shadowed with `undefined`.
 */

const OUTSIDE = [
  'caches',
  'indexedDB',
  'cookieStore',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebTransport',
  'EventSource',
  'importScripts',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'MessageChannel',
  'postMessage',
  'close',
  'open',
  'Request',
  'Response',
  'FileReaderSync',
] as const;

export function lockDown(scope: typeof globalThis = globalThis): void {
  for (const name of OUTSIDE) {
    for (let target: object | null = scope; target && target !== Object.prototype; target = Object.getPrototypeOf(target) as object | null) {
      if (Object.getOwnPropertyDescriptor(target, name)?.configurable) delete (target as Record<string, unknown>)[name];
    }
    Object.defineProperty(scope, name, { value: undefined, writable: false, configurable: false });
  }
  // navigator.storage and navigator.serviceWorker lead to storage and to the site's service worker.
  const navigator = { hardwareConcurrency: 2, userAgent: 'racecourse explorer', language: 'en' };
  for (let target: object | null = scope; target && target !== Object.prototype; target = Object.getPrototypeOf(target) as object | null) {
    if (Object.getOwnPropertyDescriptor(target, 'navigator')?.configurable) delete (target as Record<string, unknown>).navigator;
  }
  Object.defineProperty(scope, 'navigator', { value: Object.freeze(navigator), writable: false, configurable: false });
}
