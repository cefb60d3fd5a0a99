import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimingAccumulator, workerStartupMs } from './timing.ts';

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

test('worker start-up is the union of every task\'s spawned → started interval', () => {
  const task = (name: string, phase: 'spawned' | 'started', t: number) =>
    ({ type: 'task', seq: 0, t, task: name, id: 1, phase }) as const;
  // worker-1 starts over 10–50, worker-2 over 30–80 (overlapping), worker-3 over 100–120.
  const events = [
    task('worker-1', 'spawned', 10),
    task('worker-2', 'spawned', 30),
    task('worker-1', 'started', 50),
    task('worker-2', 'started', 80),
    task('worker-3', 'spawned', 100),
    task('worker-3', 'started', 120),
  ];
  assert.equal(workerStartupMs(events), 70 + 20);
  assert.equal(workerStartupMs([]), 0);
});
