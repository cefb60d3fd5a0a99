import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LaneState, StateEvent, TaskEvent } from '../../shared/protocol/index.ts';
import { TimelineModel, axisTicks } from './timeline-model.ts';

const state = (task: string, s: LaneState, t: number): StateEvent => ({ type: 'state', seq: 0, t, task, state: s });
const task = (name: string, phase: TaskEvent['phase'], t: number): TaskEvent => ({ type: 'task', seq: 0, t, task: name, id: 1, phase });

test('state events become segments; idle only ends one; the same state twice extends it', () => {
  const model = new TimelineModel();
  for (const e of [state('main', 'running', 0), state('main', 'running', 5), state('main', 'waiting', 10), state('main', 'idle', 20)]) model.add(e);
  assert.deepEqual(model.lanes[0]?.segments, [
    { state: 'running', startMs: 0, endMs: 10 },
    { state: 'waiting', startMs: 10, endMs: 20 },
  ]);
});

test('a task that ends closes its lane; spawned and started draw nothing', () => {
  const model = new TimelineModel();
  model.add(task('worker-1', 'spawned', 1));
  model.add(task('worker-1', 'started', 2));
  assert.equal(model.lanes.length, 0);
  model.add(state('worker-1', 'running', 3));
  model.add(task('worker-1', 'finished', 9));
  assert.deepEqual(model.lanes[0], { name: 'worker-1', segments: [{ state: 'running', startMs: 3, endMs: 9 }], endedMs: 9 });
});

test('axis ticks: round steps of 1, 2 or 5 × 10^k, at least the gap apart, from 0 to the span', () => {
  const nice = (step: number) => [1, 2, 5].some((f) => Math.abs(step / 10 ** Math.floor(Math.log10(step)) - f) < 1e-9);
  for (const span of [0.7, 3, 48, 130, 999, 1000, 4321, 10_000, 62_000]) {
    for (const width of [300, 390, 1000, 1280]) {
      const ticks = axisTicks(span, width);
      const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
      assert.equal(ticks[0], 0);
      assert.ok(ticks.length >= 2, `${span} ms at ${width} px: ${ticks.join()}`);
      assert.ok(nice(step), `step ${step} is round`);
      assert.ok((step / span) * width >= 80, `labels ${(step / span) * width} px apart`);
      assert.ok(ticks.at(-1)! <= span && ticks.at(-1)! + step > span, 'the last tick is the last one within the span');
      assert.ok(ticks.length <= Math.floor(width / 80) + 1, `${ticks.length} ticks fit ${width} px`);
    }
  }
  assert.deepEqual(axisTicks(1000, 1280), [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  assert.deepEqual(axisTicks(1000, 390), [0, 500, 1000]);
  assert.deepEqual(axisTicks(0.3, 1280).slice(0, 4), [0, 0.02, 0.04, 0.06]);
  assert.deepEqual(axisTicks(0, 390), [0]);
});

test('output lines are marked at their times, cleared with the run', () => {
  const model = new TimelineModel();
  model.print(3);
  model.print(12.5);
  assert.deepEqual(model.printed, [3, 12.5]);
  model.clear();
  assert.deepEqual(model.printed, []);
});
