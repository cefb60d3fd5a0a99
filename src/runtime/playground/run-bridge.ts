/**
 * Turns the runner's event stream into the calls the playground's views
 * need: output lines in batches, lane state changes, task ends, and live
 * totals. The totals come from the same TimingAccumulator the runner uses for
 * its final figures, so the live read-out and the end agree.
 */
import type { EndState, RunEvent, RunResult } from '../../shared/protocol/index.ts';
import { TimingAccumulator } from '../../shared/timing.ts';
import { getRunner } from '../runner/index.ts';
import type { OutputLine } from '../views/output-view.ts';
import type { TaskState } from '../views/timeline-model.ts';
import type { Timing } from '../views/timing-view.ts';

export type { EndState };

export interface RunListener {
  output(lines: OutputLine[]): void;
  taskState(task: string, state: TaskState | 'idle', atMs: number): void;
  taskEnded(task: string, atMs: number): void;
  /** Live totals, at most once a frame while the run goes on. */
  timing(timing: Timing): void;
}

export interface RunOutcome {
  state: EndState;
  timing: Timing;
  result: RunResult;
}

export interface RunHandle {
  done: Promise<RunOutcome>;
  stop(): void;
}

export function startRun(code: string, listener: RunListener): RunHandle {
  const accumulator = new TimingAccumulator();
  let pending: OutputLine[] = [];
  let lastEventT = 0;
  let startedAt: number | undefined;
  let frame = 0;
  let finished = false;

  /** Wall time keeps moving between events (a busy loop sends none). */
  const liveT = (): number =>
    startedAt === undefined ? lastEventT : Math.max(lastEventT, performance.now() - startedAt);

  const flush = (): void => {
    frame = 0;
    if (pending.length > 0) {
      listener.output(pending);
      pending = [];
    }
    const totals = accumulator.totals(liveT());
    listener.timing({ wallMs: totals.wallMs, activeMs: totals.activeMs, workers: totals.workers });
    if (!finished) frame = requestAnimationFrame(flush);
  };

  const onEvent = (event: RunEvent): void => {
    lastEventT = Math.max(lastEventT, event.t);
    switch (event.type) {
      case 'run':
        startedAt = performance.now() - event.t;
        break;
      case 'console':
        pending.push({ stream: event.stream, text: event.text, timeMs: event.t });
        break;
      case 'state':
        accumulator.add(event);
        listener.taskState(event.task, event.state, event.t);
        break;
      case 'task':
        accumulator.add(event);
        if (event.phase === 'finished' || event.phase === 'failed' || event.phase === 'terminated') {
          listener.taskEnded(event.task, event.t);
        }
        break;
      case 'end':
        break;
    }
    if (!frame && !finished) frame = requestAnimationFrame(flush);
  };

  const run = getRunner().run(code, { onEvent });
  const done = run.done.then((result): RunOutcome => {
    finished = true;
    cancelAnimationFrame(frame);
    frame = 0;
    if (pending.length > 0) listener.output(pending);
    pending = [];
    const { wallMs, activeMs, workers } = result.totals;
    return { state: result.state, timing: { wallMs, activeMs, workers }, result };
  });
  return { done, stop: () => run.stop() };
}
