import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LockOrderWatch } from './lock-order-watch.ts';
import { LockTrail, type LockNest } from '../../core/lock-trail.ts';

/** Two lanes' trails feeding one watch, as workers feed the hub through their rings. */
function lanes(): { watch: LockOrderWatch; trail: (lane: string) => LockTrail; sent: LockNest[] } {
  const watch = new LockOrderWatch();
  const sent: LockNest[] = [];
  const trail = (lane: string) =>
    new LockTrail((nest) => {
      sent.push(nest);
      watch.nest(lane, nest);
    });
  return { watch, trail, sent };
}

test('opposite orders in two lanes: one message with both lines, said once', () => {
  const { watch, trail } = lanes();
  const one = trail('worker-1');
  const two = trail('worker-2');
  one.acquired(1, 'mutex A', 5, true);
  one.acquired(2, 'mutex B', 6, true);
  one.released(2);
  one.released(1);
  two.acquired(2, 'mutex B', 11, true);
  two.acquired(1, 'mutex A', 12, true);
  assert.deepEqual(watch.fresh(), [
    'Potential deadlock: worker-1 took mutex A (line 5) then mutex B (line 6); worker-2 took mutex B (line 11) then mutex A (line 12). A different timing would hang.',
  ]);
  assert.deepEqual(watch.fresh(), []);
});

test('one lock at a time sends nothing; the same nesting again is sent once', () => {
  const { watch, trail, sent } = lanes();
  const one = trail('worker-1');
  for (let i = 0; i < 1000; i++) {
    one.acquired(1, 'mutex count', 9, true);
    one.released(1);
  }
  assert.equal(sent.length, 0);
  for (let i = 0; i < 3; i++) {
    one.acquired(1, 'mutex A', 5, true);
    one.acquired(2, 'mutex B', 6, true);
    one.released(2);
    one.released(1);
  }
  assert.equal(sent.length, 1);
  assert.deepEqual(watch.fresh(), []);
});

test('the same order in both lanes, a tryLock second lock, and a common guard stay quiet', () => {
  const same = lanes();
  for (const lane of ['worker-1', 'worker-2']) {
    const t = same.trail(lane);
    t.acquired(1, 'mutex A', 5, true);
    t.acquired(2, 'mutex B', 6, true);
  }
  assert.deepEqual(same.watch.fresh(), []);

  const tried = lanes();
  const a = tried.trail('worker-1');
  a.acquired(1, 'mutex A', 5, true);
  a.acquired(2, 'mutex B', 6, true);
  const b = tried.trail('worker-2');
  b.acquired(2, 'mutex B', 11, true);
  b.acquired(1, 'mutex A', 12, false);
  assert.deepEqual(tried.watch.fresh(), []);

  const guarded = lanes();
  const g1 = guarded.trail('worker-1');
  g1.acquired(9, 'mutex G', 3, true);
  g1.acquired(1, 'mutex A', 5, true);
  g1.acquired(2, 'mutex B', 6, true);
  const g2 = guarded.trail('worker-2');
  g2.acquired(9, 'mutex G', 10, true);
  g2.acquired(2, 'mutex B', 11, true);
  g2.acquired(1, 'mutex A', 12, true);
  assert.deepEqual(guarded.watch.fresh(), []);
});

test('a semaphore released by a lane that never took it changes nothing for its holder', () => {
  const { watch, trail } = lanes();
  const one = trail('worker-1');
  const two = trail('worker-2');
  one.acquired(3, 'semaphore items', 4, true);
  two.released(3);
  one.acquired(1, 'mutex A', 5, true);
  two.acquired(1, 'mutex A', 11, true);
  two.acquired(3, 'semaphore items', 12, true);
  assert.equal(watch.fresh().length, 1);
});

test('a lock released out of order leaves the others held, in order, and a lock taken twice needs two releases', () => {
  const { trail, sent } = lanes();
  const one = trail('worker-1');
  one.acquired(1, 'mutex A', 1, true);
  one.acquired(2, 'semaphore S', 2, true);
  one.acquired(2, 'semaphore S', 3, true);
  one.released(1);
  one.released(2);
  one.acquired(3, 'mutex C', 4, true);
  assert.deepEqual(sent.at(-1), { held: [{ lock: 'semaphore S', line: 2 }], then: { lock: 'mutex C', line: 4 } });
  one.released(2);
  one.released(3);
  one.acquired(4, 'mutex D', 5, true);
  assert.equal(sent.length, 2);
});
