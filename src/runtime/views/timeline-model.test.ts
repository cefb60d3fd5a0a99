import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LaneState, StateEvent, TaskEvent } from '../../shared/protocol/index.ts';
import { TimelineModel } from './timeline-model.ts';

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
