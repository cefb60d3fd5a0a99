import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExploreProgress, ExploreReport, ExploreRequest } from '../../shared/protocol/explore.ts';
import { explorationWith, STOPPED, type ExplorationClock, type ExplorerHandlers } from './exploration.ts';

function fakeClock() {
  let now = 0;
  const timers = new Set<{ at: number; fn: () => void }>();
  const clock: ExplorationClock = {
    now: () => now,
    later: (fn, ms) => {
      const timer = { at: now + ms, fn };
      timers.add(timer);
      return timer;
    },
    cancel: (handle) => void timers.delete(handle as { at: number; fn: () => void }),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of [...timers]) {
      if (timer.at <= now) {
        timers.delete(timer);
        timer.fn();
      }
    }
  };
  return { clock, advance, pending: () => timers.size };
}

function fakeWorker() {
  const sent: ExploreRequest[] = [];
  let terminated = 0;
  let handlers: ExplorerHandlers | undefined;
  const factory = (h: ExplorerHandlers) => {
    handlers = h;
    return { post: (r: ExploreRequest) => void sent.push(r), terminate: () => void terminated++ };
  };
  return { factory, sent, terminated: () => terminated, handlers: () => handlers! };
}

const progress = (executions: number): ExploreProgress => ({
  executions,
  bound: 1,
  failures: 1,
  outcomes: [{ state: 'done', lastLine: 'count = 3', count: executions, schedule: 'x', preemptions: 1, failing: true }],
  mode: 'bounded',
});

const report: ExploreReport = { ...progress(46), bound: 2, complete: true, assumptions: 'bound 2', ms: 300 };

test('sends the code and options once, passes progress on, and resolves with the report', async () => {
  const { clock } = fakeClock();
  const worker = fakeWorker();
  const seen: number[] = [];
  const exploration = explorationWith(worker.factory, 'code', { preemptions: 2 }, (p) => seen.push(p.executions), clock);
  assert.deepEqual(worker.sent, [{ type: 'explore', id: 1, code: 'code', options: { preemptions: 2 } }]);
  worker.handlers().message({ type: 'explore-progress', id: 1, progress: progress(10) });
  worker.handlers().message({ type: 'something else', id: 1 });
  worker.handlers().message({ type: 'explore-progress', id: 2, progress: progress(99) });
  worker.handlers().message({ type: 'explore-report', id: 1, report });
  assert.deepEqual(await exploration.done, report);
  assert.deepEqual(seen, [10]);
  assert.equal(worker.terminated(), 1, 'one worker per exploration: ended with it');
});

test('Stop ends it at once with what was seen, marked incomplete, and later messages change nothing', async () => {
  const { clock, advance, pending } = fakeClock();
  const worker = fakeWorker();
  let calls = 0;
  const exploration = explorationWith(worker.factory, 'code', {}, () => calls++, clock);
  worker.handlers().message({ type: 'explore-progress', id: 1, progress: progress(7) });
  advance(1500);
  exploration.stop();
  exploration.stop();
  const stopped = await exploration.done;
  assert.equal(stopped.complete, false);
  assert.equal(stopped.incompleteReason, STOPPED);
  assert.equal(stopped.executions, 7);
  assert.equal(stopped.ms, 1500);
  assert.equal(worker.terminated(), 1);
  assert.equal(pending(), 0, 'the deadline is cancelled');
  worker.handlers().message({ type: 'explore-progress', id: 1, progress: progress(8) });
  assert.equal(calls, 1);
});

test('Stop before any progress gives an empty, incomplete report', async () => {
  const worker = fakeWorker();
  const exploration = explorationWith(worker.factory, 'code', { preemptions: null }, () => {}, fakeClock().clock);
  exploration.stop();
  const stopped = await exploration.done;
  assert.deepEqual([stopped.executions, stopped.bound, stopped.outcomes.length, stopped.complete], [0, null, 0, false]);
});

test('a worker error rejects with a message for people, and ends the worker', async () => {
  const worker = fakeWorker();
  const exploration = explorationWith(worker.factory, 'code', {}, () => {}, fakeClock().clock);
  worker.handlers().error('Uncaught TypeError: x is undefined');
  await assert.rejects(exploration.done, /^Error: The explorer failed: Uncaught TypeError: x is undefined$/);
  assert.equal(worker.terminated(), 1);
});

test('a worker that cannot even be made rejects instead of throwing', async () => {
  const exploration = explorationWith(
    () => {
      throw new Error('no workers here');
    },
    'code',
    {},
    () => {},
    fakeClock().clock,
  );
  await assert.rejects(exploration.done, /could not start: no workers here/);
});

test('a search that never answers ends past its budget and a grace, incomplete', async () => {
  const { clock, advance } = fakeClock();
  const worker = fakeWorker();
  const exploration = explorationWith(worker.factory, 'code', { maxMs: 1000 }, () => {}, clock);
  advance(20_999);
  let ended = false;
  void exploration.done.then(() => (ended = true));
  await Promise.resolve();
  assert.equal(ended, false);
  advance(1);
  const cut = await exploration.done;
  assert.equal(cut.complete, false);
  assert.match(cut.incompleteReason ?? '', /did not end within 21 s/);
  assert.equal(worker.terminated(), 1);
});
