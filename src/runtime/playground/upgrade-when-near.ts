/**
 * When a playground upgrades: once it comes within a screen of the viewport
 * (one IntersectionObserver for the page), or at once when something inside
 * it takes focus (the keyboard reached its code). A long lesson then pays at
 * load only for the playgrounds a reader can see, and each of the others
 * upgrades before it scrolls into view. Callers that need a playground now
 * (an exercise's check, a test) upgrade it directly; see element.ts.
 */

/** How far outside the viewport counts as near: a full screen above and below. */
export const NEAR_MARGIN = '100% 0px';

const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

function near(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) if (entry.isIntersecting) waiting.get(entry.target)?.();
}

/**
 * Calls `upgrade` once, when `element` is first near the viewport or takes
 * focus. Returns a function that stops waiting (for an element taken out of
 * the page before it was needed).
 */
export function upgradeWhenNear(element: HTMLElement, upgrade: () => void): () => void {
  const stop = (): void => {
    waiting.delete(element);
    observer?.unobserve(element);
    element.removeEventListener('focusin', now);
  };
  const now = (): void => {
    stop();
    upgrade();
  };
  if (typeof IntersectionObserver !== 'function') {
    now();
    return () => {};
  }
  observer ??= new IntersectionObserver(near, { rootMargin: NEAR_MARGIN });
  waiting.set(element, now);
  observer.observe(element);
  element.addEventListener('focusin', now);
  return stop;
}
