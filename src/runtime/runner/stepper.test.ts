import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StepView } from '../../shared/protocol/explore.ts';
import type { ExplorerHandlers } from './exploration.ts';
import { stepperWith } from './stepper.ts';

/** A fake explorer worker and a clock whose timers run only when told. */
function harness() {
  const posted: { id: number; steps: number }[] = [];
  let handlers!: ExplorerHandlers;
  let started = 0;
  let terminated = 0;
  const timers = new Map<number, () => void>();
  let nextTimer = 1;
  const stepper = stepperWith(
    (h) => {
      handlers = h;
      started++;
      return { post: (request) => posted.push(request as never), terminate: () => void terminated++ };
    },
    { later: (run) => (timers.set(nextTimer, run), nextTimer++), cancel: (handle) => void timers.delete(handle as number) },
  );
  return { stepper, posted, reply: (data: unknown) => handlers.message(data), fail: (m: string) => handlers.error(m), fire: () => [...timers.values()].forEach((t) => t()), counts: () => ({ started, terminated, timers: timers.size }) };
}

const view = (step: number) => ({ step }) as unknown as StepView;

test('each request gets its own answer, over one worker', async () => {
  const h = harness();
  const first = h.stepper.view('code', { schedule: null, steps: 0 });
  const second = h.stepper.view('code', { schedule: '1.s1.a', steps: 1 });
  assert.deepEqual(h.posted.map((p) => [p.id, p.steps]), [[1, 0], [2, 1]]);
  h.reply({ type: 'step-view', id: 2, view: view(1) });
  h.reply({ type: 'step-error', id: 1, message: 'no', mismatch: true });
  assert.deepEqual(await second, { ok: true, view: view(1) });
  assert.deepEqual(await first, { ok: false, message: 'no', line: undefined, mismatch: true });
  assert.deepEqual(h.counts(), { started: 1, terminated: 0, timers: 0 });
});

test('a step that never answers ends the worker with a message; the next request starts a new one', async () => {
  const h = harness();
  const stuck = h.stepper.view('while (true) {}', { schedule: null, steps: 0 });
  h.fire();
  const answer = await stuck;
  assert.equal(answer.ok, false);
  assert.match(!answer.ok ? answer.message : '', /did not finish within 8 s/);
  assert.equal(h.counts().terminated, 1);
  void h.stepper.view('code', { schedule: null, steps: 0 });
  assert.equal(h.counts().started, 2);
});

test('a worker that fails answers every waiting request, and close ends it', async () => {
  const h = harness();
  const waiting = h.stepper.view('code', { schedule: null, steps: 0 });
  h.fail('boom');
  const answer = await waiting;
  assert.match(!answer.ok ? answer.message : '', /The explorer failed: boom/);
  void h.stepper.view('code', { schedule: null, steps: 0 });
  h.stepper.close();
  assert.equal(h.counts().terminated, 2);
});
