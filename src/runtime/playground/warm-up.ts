import { getRunner } from '../runner/index.ts';

/**
 * Gets the runtime ready before the first Run, so that the click does not pay
 * for the frame's process and the run's workers: once, when the page is first
 * idle after load, and whenever a pointer or the keyboard reaches a Run
 * button (cheap once they are ready). Only pages with a playground load this
 * module, so a page without one prepares nothing; after that, the runner
 * prepares the next run's workers at the end of each run.
 */

let idleScheduled = false;

function prepare(): void {
  getRunner().prepare();
}

/** Prepares once the page is idle; later calls do nothing. */
export function prepareWhenIdle(): void {
  if (idleScheduled) return;
  idleScheduled = true;
  const whenLoaded = () => {
    if ('requestIdleCallback' in window) requestIdleCallback(prepare, { timeout: 5_000 });
    else setTimeout(prepare, 1_000);
  };
  if (document.readyState === 'complete') whenLoaded();
  else addEventListener('load', whenLoaded, { once: true });
}

/** Prepares when the pointer enters or the keyboard focuses `control` (a Run button). */
export function prepareOnIntent(control: HTMLElement): void {
  control.addEventListener('pointerenter', prepare, { passive: true });
  control.addEventListener('focus', prepare);
}
