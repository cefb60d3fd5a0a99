/**
 * Feeds one run's event stream to the playground's views, paced to the
 * screen: output lines in one batch a frame, lane and task events as they
 * come, and the run's own live totals once a frame. It computes nothing of
 * its own: events and totals are the runner's, so the live read-out and the
 * end agree.
 */
import type {
  ConsoleEvent,
  LaneMessageEvent,
  MessagesDroppedEvent,
  RunResult,
  RunTotals,
  StateEvent,
  TaskEvent,
} from '../../shared/protocol/index.ts';
import type { RunHandle } from '../runner/index.ts';

export interface RunViews {
  output(lines: readonly ConsoleEvent[]): void;
  lane(event: StateEvent | TaskEvent): void;
  /** A message between lanes, or the run's count of those it did not record (the message chart). */
  message(event: LaneMessageEvent | MessagesDroppedEvent): void;
  /** Once a frame while the run goes on, with its current totals: the moment to draw. */
  frame(totals: RunTotals): void;
}

/** Subscribes `views` to `run` until it ends; resolves with the run's result once every line is out. */
export async function feedViews(run: RunHandle, views: RunViews): Promise<RunResult> {
  let pending: ConsoleEvent[] = [];
  let frame = 0;
  let finished = false;

  const flush = (): void => {
    frame = 0;
    if (pending.length > 0) {
      views.output(pending);
      pending = [];
    }
    views.frame(run.totals);
    if (!finished) frame = requestAnimationFrame(flush);
  };

  const unsubscribe = run.subscribe((event) => {
    if (event.type === 'console') pending.push(event);
    else if (event.type === 'state' || event.type === 'task') views.lane(event);
    else if (event.type === 'message' || event.type === 'messages-dropped') views.message(event);
    if (!frame && !finished) frame = requestAnimationFrame(flush);
  });

  const result = await run.done;
  finished = true;
  unsubscribe();
  cancelAnimationFrame(frame);
  frame = 0;
  if (pending.length > 0) views.output(pending);
  pending = [];
  return result;
}
