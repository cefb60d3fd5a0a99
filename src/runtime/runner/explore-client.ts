import explorerWorkerUrl from '../explorer/explorer-worker.ts?worker&url';
import type { ExploreOptions, ExploreProgress } from '../../shared/protocol/explore.ts';
import { explorationWith, type Exploration, type ExplorerHandlers, type ExplorerChannel } from './exploration.ts';
import { stepperWith, type Stepper } from './stepper.ts';

/**
 * The page's side of Explore: one explorer worker per exploration, started
 * from its own bundle (Vite `?worker&url`; a classic script in the build, as
 * every worker of the site is, a module under `astro dev`). It runs on the
 * page's origin, not in the run's sandboxed frame: the engine runs the
 * snippet's lanes as coroutines inside this one worker and starts no other.
 */
export function startExploration(
  code: string,
  options: ExploreOptions,
  onProgress: (progress: ExploreProgress) => void,
): Exploration {
  return explorationWith(explorerWorker, code, options, onProgress);
}

/** Replays one schedule (design/explorer.md §4) in a fresh explorer worker: a report of that one execution. */
export function startReplay(code: string, schedule: string): Exploration {
  return explorationWith(explorerWorker, code, {}, () => {}, undefined, schedule);
}

/** Step mode: one explorer worker that answers "the view after these steps" for as long as the stepper is open. */
export function openStepper(): Stepper {
  return stepperWith(explorerWorker, { later: (run, ms) => setTimeout(run, ms), cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) });
}

function explorerWorker(handlers: ExplorerHandlers): ExplorerChannel {
  const worker = new Worker(explorerWorkerUrl, { type: import.meta.env.DEV ? 'module' : 'classic', name: 'explorer' });
  worker.addEventListener('message', (event: MessageEvent<unknown>) => handlers.message(event.data));
  worker.addEventListener('error', (event: ErrorEvent) => {
    // Handled here: the page shows the message instead of the console.
    event.preventDefault();
    handlers.error(event.message || 'its worker could not start');
  });
  worker.addEventListener('messageerror', () => handlers.error('a message from its worker could not be read'));
  return {
    post: (request) => worker.postMessage(request),
    terminate: () => worker.terminate(),
  };
}

export type { Exploration, Stepper };
