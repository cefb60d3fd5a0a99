/// <reference lib="webworker" />
import type { ExploreReply, ExploreRequest } from '../../shared/protocol/explore.ts';
import { explore, replay } from './explore.ts';
import { stepView } from './step.ts';
import { lockDown } from './lockdown.ts';

/**
 * The explorer worker: the page's own child, so a search never blocks the
 * page. A search is synchronous from start to end (every execution runs its
 * lanes as coroutines in this one agent), so Stop is the page terminating
 * this worker; progress goes out at most every 100 ms. It keeps its port to
 * the page, then removes every other way out before any learner code runs.
 */

const send = self.postMessage.bind(self);
const post = (reply: ExploreReply) => send(reply);
lockDown(self);

addEventListener('message', (event: MessageEvent<ExploreRequest>) => {
  const request = event.data;
  if (request.type === 'explore') {
    let last = 0;
    const report = explore(request.code, request.options, (progress) => {
      const t = performance.now();
      if (t - last < 100) return;
      last = t;
      post({ type: 'explore-progress', id: request.id, progress });
    });
    post({ type: 'explore-report', id: request.id, report });
  } else if (request.type === 'replay') {
    post({ type: 'explore-report', id: request.id, report: replay(request.code, request.schedule) });
  } else if (request.type === 'step') {
    let answer: ReturnType<typeof stepView>;
    try {
      answer = stepView(request.code, request);
    } catch (error) {
      answer = { ok: false, message: `The explorer failed on this code (a bug in the explorer, not in your code): ${error instanceof Error ? error.message : String(error)}. Run still works.` };
    }
    post(answer.ok ? { type: 'step-view', id: request.id, view: answer.view } : { type: 'step-error', id: request.id, message: answer.message, line: answer.line, mismatch: answer.mismatch });
  }
});
