import {
  array,
  arrayBuffer,
  either,
  int,
  literal,
  nullValue,
  num,
  object,
  optional,
  oneOf,
  port,
  str,
  tuple,
  union,
  type Infer,
} from '../schema.ts';
import { runErrorInfo, wireEvent } from './events.ts';

/**
 * The run (run worker, hub) ⇄ the runner, on the port the page gave the run:
 * reports one way, `stop-run` the other, and the same-origin fetches the
 * page does on the run's behalf.
 */

const headers = array(tuple([str(), str()]));

export const fetchRequest = object({
  url: str(),
  method: str(),
  headers,
  body: either(nullValue(), arrayBuffer()),
});
export type FetchRequest = Infer<typeof fetchRequest>;

export const fetchReply = union('type', {
  'fetch-reply': either(
    object({ ok: literal(true), status: int(), statusText: str(), headers, body: arrayBuffer() }),
    object({ ok: literal(false), message: str() }),
  ),
});
export type FetchReply = Infer<typeof fetchReply>;

export const runReport = union('type', {
  /** The snippet is about to execute; `startAbs` is the run's time zero (timeOrigin + now). */
  started: object({ runId: int(), startAbs: num() }),
  /**
   * `settledBefore`, when present: every event of the run with a smaller `t`
   * has been sent, in this batch or an earlier one, so the page may show them
   * at once instead of waiting out its reordering window. The hub can promise
   * it only while `main` is the run's only lane.
   */
  events: object({ runId: int(), events: array(wireEvent), droppedLines: int(), settledBefore: optional(num()) }),
  /** The run ended by itself; `lingering` counts workers still busy or blocked (they need ending by force). */
  end: object({
    runId: int(),
    state: oneOf(['done', 'error']),
    t: num(),
    lingering: int(),
    error: optional(runErrorInfo),
  }),
  /** Sent at least every `LIMITS.aliveIntervalMs`: silence means the run's process died. */
  alive: object({ runId: int() }),
  /** Same-origin fetch done by the page on the run's behalf; the answer goes to `reply`. */
  fetch: object({ runId: int(), request: fetchRequest, reply: port() }),
  /** Answer to `stop-run`: every task worker has been terminated. */
  stopped: object({ runId: int() }),
});
export type RunReport = Infer<typeof runReport>;

/**
 * Runner → run, on the same port. Chromium does not end the nested workers
 * of a terminated worker that are busy (a task in `while (true) {}` goes on
 * burning a core), so before its run worker is terminated the hub, the
 * tasks' parent, terminates each of them itself.
 */
export const runnerRequest = union('type', { 'stop-run': object({}) });
export type RunnerRequest = Infer<typeof runnerRequest>;
