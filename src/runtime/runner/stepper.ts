/**
 * Step mode's side on the page (design/explorer.md §3): one explorer worker
 * kept for the playground's whole stay in Step mode, asked for the view at a
 * given point of a schedule. Each request is answered by replaying the
 * schedule from its start inside the worker (an execution is deterministic
 * given its choices), so the page keeps no engine state: Back, Next and Reset
 * are the same request with another step count. A request that gets no answer
 * in time (the learner's code looping inside one step) ends the worker; the
 * next request starts a new one. The worker itself is made by
 * `explore-client.ts`; this file knows only the protocol, so Node can test it.
 */
import type { StepReply, StepRequest, StepView } from '../../shared/protocol/explore.ts';
import type { ExplorerFactory, ExplorerChannel, ExplorationClock } from './exploration.ts';

export type StepQuery = Omit<StepRequest, 'type' | 'id' | 'code'>;

export type StepAnswer =
  | { ok: true; view: StepView }
  | { ok: false; message: string; line?: number; mismatch?: boolean };

export interface Stepper {
  /** The view after `query` on `code`. Never rejects: a failure is an answer with a message. */
  view(code: string, query: StepQuery): Promise<StepAnswer>;
  /** Ends the worker (leaving Step mode). */
  close(): void;
}

/** One step replays at most a few thousand operations; seconds mean the code loops inside a step. */
const ANSWER_WITHIN_MS = 8_000;

export function stepperWith(create: ExplorerFactory, clock: Pick<ExplorationClock, 'later' | 'cancel'>): Stepper {
  let channel: ExplorerChannel | undefined;
  let nextId = 1;
  const waiting = new Map<number, { answer: (a: StepAnswer) => void; timer: unknown }>();

  const failAll = (message: string) => {
    channel?.terminate();
    channel = undefined;
    for (const [id, { answer, timer }] of waiting) {
      clock.cancel(timer);
      waiting.delete(id);
      answer({ ok: false, message });
    }
  };

  const open = (): ExplorerChannel =>
    (channel ??= create({
      message(data) {
        if (!isStepReply(data)) return;
        const entry = waiting.get(data.id);
        if (!entry) return;
        waiting.delete(data.id);
        clock.cancel(entry.timer);
        entry.answer(data.type === 'step-view' ? { ok: true, view: data.view } : { ok: false, message: data.message, line: data.line, mismatch: data.mismatch });
      },
      error(message) {
        failAll(`The explorer failed: ${message}. Your code is unchanged, and Run still works.`);
      },
    }));

  return {
    view(code, query) {
      return new Promise<StepAnswer>((answer) => {
        const id = nextId++;
        let worker: ExplorerChannel;
        try {
          worker = open();
        } catch (error) {
          answer({ ok: false, message: `The explorer could not start: ${error instanceof Error ? error.message : String(error)}.` });
          return;
        }
        const timer = clock.later(() => {
          failAll(`This step did not finish within ${ANSWER_WITHIN_MS / 1000} s: the code between two operations another worker could see seems to loop forever.`);
        }, ANSWER_WITHIN_MS);
        waiting.set(id, { answer, timer });
        worker.post({ type: 'step', id, code, ...query });
      });
    },
    close() {
      failAll('Step mode ended.');
    },
  };
}

function isStepReply(data: unknown): data is StepReply {
  if (typeof data !== 'object' || data === null) return false;
  const reply = data as Partial<Record<string, unknown>>;
  if (typeof reply.id !== 'number') return false;
  if (reply.type === 'step-view') return typeof reply.view === 'object' && reply.view !== null;
  if (reply.type === 'step-error') return typeof reply.message === 'string';
  return false;
}
