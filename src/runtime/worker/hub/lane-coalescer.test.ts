import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LaneCoalescer } from './lane-coalescer.ts';

test('segments shorter than the minimum are folded into their neighbours', () => {
  const lane = new LaneCoalescer(1);
  const out = [
    ...lane.push({ t: 0, state: 'running' }),
    ...lane.push({ t: 10, state: 'idle' }),
    ...lane.push({ t: 10.2, state: 'running' }), // a 0.2 ms idle gap: gone
    ...lane.push({ t: 30, state: 'waiting', on: 'mutex A' }),
    ...lane.push({ t: 50, state: 'running' }),
  ];
  assert.deepEqual(out, [
    { t: 0, state: 'running' },
    { t: 30, state: 'waiting', on: 'mutex A' },
  ]);
  // The last change is held back until it is old enough, or forced out.
  assert.deepEqual(lane.flush(50.5), []);
  assert.deepEqual(lane.flush(51), [{ t: 50, state: 'running' }]);
  assert.deepEqual(lane.push({ t: 60, state: 'idle' }), []);
  assert.deepEqual(lane.flush(60.1, true), [{ t: 60, state: 'idle' }]);
});

test('a change of what a lane waits for is a change', () => {
  const lane = new LaneCoalescer(1);
  lane.push({ t: 0, state: 'waiting', on: 'mutex A' });
  const out = lane.push({ t: 5, state: 'waiting', on: 'mutex B' });
  assert.deepEqual(out, [{ t: 0, state: 'waiting', on: 'mutex A' }]);
  assert.deepEqual(lane.flush(10), [{ t: 5, state: 'waiting', on: 'mutex B' }]);
});
