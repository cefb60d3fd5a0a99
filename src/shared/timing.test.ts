import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimingAccumulator } from './timing.ts';

test('active time is the sum of running segments over lanes; utilisation = active / wall', () => {
  const timing = new TimingAccumulator();
  timing.add({ type: 'state', t: 0, task: 'main', state: 'running' });
  timing.add({ type: 'task', t: 10, task: 'worker-1', id: 1, phase: 'spawned', parent: 'main' });
  timing.add({ type: 'state', t: 10, task: 'main', state: 'waiting', on: 'join worker-1' });
  timing.add({ type: 'state', t: 20, task: 'worker-1', state: 'running' });
  timing.add({ type: 'state', t: 70, task: 'worker-1', state: 'sleeping' });
  timing.add({ type: 'state', t: 90, task: 'worker-1', state: 'running' });
  timing.add({ type: 'task', t: 100, task: 'worker-1', id: 1, phase: 'finished' });
  timing.add({ type: 'state', t: 100, task: 'main', state: 'running' });
  assert.deepEqual(timing.totals(110), { wallMs: 110, activeMs: 10 + 50 + 10 + 10, workers: 2, utilization: 0.727 });
});

test('an open running segment counts up to the time asked for', () => {
  const timing = new TimingAccumulator();
  timing.add({ type: 'state', t: 5, task: 'main', state: 'running' });
  assert.equal(timing.totals(105).activeMs, 100);
  assert.equal(timing.totals(105).utilization, 0.952);
  assert.equal(new TimingAccumulator().totals(0).utilization, 0);
});
