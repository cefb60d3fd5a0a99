/**
 * One exploration as the page sees it: a fresh explorer worker per search,
 * its progress passed on as it comes, and an end that always comes. The
 * search is synchronous inside its worker, so Stop terminates the worker and
 * ends the exploration at once with what was seen so far, marked incomplete.
 * An engine that throws, a worker that cannot start and a search that never
 * ends (a lane looping with no visible operation) each end it too, the first
 * two with an error, the last as incomplete. The worker itself is made by
 * `explore-client.ts`; this file knows only the protocol, so Node can test it.
 */
import type {
  ExploreOptions,
  ExploreProgress,
  ExploreReport,
  ExploreRequest,
} from '../../shared/protocol/explore.ts';

/** What an exploration needs of its worker; `explore-client.ts` makes a real one. */
export interface ExplorerChannel {
  post(request: ExploreRequest): void;
  terminate(): void;
}

export interface ExplorerHandlers {
  /** A message from the worker (validated here, not by the channel). */
  message(data: unknown): void;
  /** The worker failed: it could not start, or the engine threw. */
  error(message: string): void;
}

export type ExplorerFactory = (handlers: ExplorerHandlers) => ExplorerChannel;

export interface Exploration {
  /** The report; rejects (with a message for people) only when the explorer itself failed. */
  readonly done: Promise<ExploreReport>;
  /** Ends the search at once: `done` resolves with what was seen so far, `complete: false`. */
  stop(): void;
}

/** The search's own budget (the engine's default); past it and a grace, the page ends the search. */
const DEFAULT_MAX_MS = 10_000;
const GRACE_MS = 20_000;

export const STOPPED = 'Stopped.';

export interface ExplorationClock {
  now(): number;
  later(run: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

const realClock: ExplorationClock = {
  now: () => performance.now(),
  later: (run, ms) => setTimeout(run, ms),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function explorationWith(
  create: ExplorerFactory,
  code: string,
  options: ExploreOptions,
  onProgress: (progress: ExploreProgress) => void,
  clock: ExplorationClock = realClock,
  /** Replays this one schedule instead of searching. */
  schedule?: string,
): Exploration {
  const id = 1;
  const started = clock.now();
  let seen: ExploreProgress = {
    executions: 0,
    bound: options.preemptions === null ? null : 0,
    failures: 0,
    outcomes: [],
    mode: 'bounded',
  };
  let settle: ((end: { report: ExploreReport } | { error: Error }) => void) | undefined;
  const done = new Promise<ExploreReport>((resolve, reject) => {
    settle = (end) => ('report' in end ? resolve(end.report) : reject(end.error));
  });

  // What was seen so far, ended early for `reason` (Stop, or the page's deadline).
  const cut = (reason: string): ExploreReport => ({
    ...seen,
    complete: false,
    incompleteReason: reason,
    assumptions: '',
    ms: clock.now() - started,
  });

  let channel: ExplorerChannel | undefined;
  let deadline: unknown;
  const finish = (end: { report: ExploreReport } | { error: Error }): void => {
    if (!settle) return;
    const ended = settle;
    settle = undefined;
    clock.cancel(deadline);
    channel?.terminate();
    ended(end);
  };

  try {
    channel = create({
      message(data) {
        if (!settle || !isReply(data) || data.id !== id) return;
        if (data.type === 'explore-progress') {
          seen = data.progress;
          onProgress(data.progress);
        } else {
          finish({ report: data.report });
        }
      },
      error(message) {
        finish({ error: new Error(`The explorer failed: ${message}`) });
      },
    });
    const budget = (options.maxMs ?? DEFAULT_MAX_MS) + GRACE_MS;
    deadline = clock.later(() => {
      finish({ report: cut(`The search did not end within ${Math.round(budget / 1000)} s, so it was stopped (a worker may loop without touching shared memory).`) });
    }, budget);
    channel.post(schedule === undefined ? { type: 'explore', id, code, options } : { type: 'replay', id, code, schedule });
  } catch (error) {
    finish({ error: new Error(`The explorer could not start: ${error instanceof Error ? error.message : String(error)}`) });
  }

  return {
    done,
    stop: () => finish({ report: cut(STOPPED) }),
  };
}

type Reply =
  | { type: 'explore-progress'; id: number; progress: ExploreProgress }
  | { type: 'explore-report'; id: number; report: ExploreReport };

function isReply(data: unknown): data is Reply {
  if (typeof data !== 'object' || data === null) return false;
  const reply = data as Partial<Record<string, unknown>>;
  if (typeof reply.id !== 'number') return false;
  if (reply.type === 'explore-progress') return typeof reply.progress === 'object' && reply.progress !== null;
  if (reply.type === 'explore-report') return typeof reply.report === 'object' && reply.report !== null;
  return false;
}
