import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LockOrder } from './lock-order.ts';

/** Takes the locks in order at the given lines, then releases them in reverse. */
function nest(order: LockOrder, lane: string, ...sites: [string, number][]): void {
  for (const [lock, line] of sites) order.acquired(lane, lock, line);
  for (const [lock] of [...sites].reverse()) order.released(lane, lock);
}

test('two lanes taking two locks in opposite orders are a potential deadlock, in words', () => {
  const order = new LockOrder();
  nest(order, 'worker-1', ['mutex A', 5], ['mutex B', 6]);
  nest(order, 'worker-2', ['mutex B', 11], ['mutex A', 12]);
  const found = order.potentialDeadlocks();
  assert.equal(found.length, 1);
  assert.equal(
    found[0]?.message,
    'Potential deadlock: worker-1 took mutex A (line 5) then mutex B (line 6); ' +
      'worker-2 took mutex B (line 11) then mutex A (line 12). A different timing would hang.',
  );
});

test('the same order in every lane is quiet', () => {
  const order = new LockOrder();
  nest(order, 'worker-1', ['mutex A', 5], ['mutex B', 6]);
  nest(order, 'worker-2', ['mutex A', 11], ['mutex B', 12]);
  nest(order, 'worker-1', ['mutex A', 5], ['mutex B', 6]);
  assert.deepEqual(order.potentialDeadlocks(), []);
});

test('one lane taking both orders cannot deadlock with itself', () => {
  const order = new LockOrder();
  nest(order, 'worker-1', ['mutex A', 5], ['mutex B', 6]);
  nest(order, 'worker-1', ['mutex B', 8], ['mutex A', 9]);
  assert.deepEqual(order.potentialDeadlocks(), []);
});

test('a cycle taken under one common guard lock is quiet', () => {
  const order = new LockOrder();
  nest(order, 'worker-1', ['mutex G', 1], ['mutex A', 2], ['mutex B', 3]);
  nest(order, 'worker-2', ['mutex G', 1], ['mutex B', 7], ['mutex A', 8]);
  assert.deepEqual(order.potentialDeadlocks(), []);
});

test('tryLock adds no edge, but what it took counts as held', () => {
  const order = new LockOrder();
  order.acquired('worker-1', 'mutex A', 5);
  order.acquired('worker-1', 'mutex B', 6, false);
  order.released('worker-1', 'mutex B');
  order.released('worker-1', 'mutex A');
  nest(order, 'worker-2', ['mutex B', 11], ['mutex A', 12]);
  assert.deepEqual(order.potentialDeadlocks(), []);

  const held = new LockOrder();
  held.acquired('worker-1', 'mutex A', 5, false);
  held.acquired('worker-1', 'mutex B', 6);
  nest(held, 'worker-2', ['mutex B', 11], ['mutex A', 12]);
  assert.equal(held.potentialDeadlocks().length, 1);
});

test('five philosophers each taking left then right form one cycle, reported once', () => {
  const order = new LockOrder();
  for (let i = 0; i < 5; i++) nest(order, `worker-${i + 1}`, [`mutex fork${i}`, 4], [`mutex fork${(i + 1) % 5}`, 5]);
  const found = order.potentialDeadlocks();
  assert.equal(found.length, 1);
  assert.equal(found[0]?.edges.length, 5);
  // The classic fix: the last philosopher takes the lower fork first.
  const fixed = new LockOrder();
  for (let i = 0; i < 5; i++) {
    const [a, b] = [i, (i + 1) % 5].sort();
    nest(fixed, `worker-${i + 1}`, [`mutex fork${a}`, 4], [`mutex fork${b}`, 5]);
  }
  assert.deepEqual(fixed.potentialDeadlocks(), []);
});

test('a semaphore held across a mutex in one lane and the reverse in another is found', () => {
  const order = new LockOrder();
  // Consumer: lock, then wait for an item (the bounded buffer's classic bug).
  order.acquired('worker-1', 'mutex buffer', 3);
  order.acquired('worker-1', 'semaphore items', 4);
  // Producer: take a slot permit it was signalled, then the mutex.
  order.acquired('worker-2', 'semaphore items', 9);
  order.acquired('worker-2', 'mutex buffer', 10);
  assert.equal(order.potentialDeadlocks().length, 1);
  // A release by a lane that does not hold the lock is ignored.
  order.released('main', 'mutex buffer');
  assert.equal(order.potentialDeadlocks().length, 1);
});

test('a line that is not known is left out of the words', () => {
  const order = new LockOrder();
  nest(order, 'main', ['mutex A', 0], ['mutex B', 0]);
  order.acquired('worker-1', 'mutex B');
  order.acquired('worker-1', 'mutex A');
  assert.match(order.potentialDeadlocks()[0]?.message ?? '', /worker-1 took mutex B then mutex A\./);
});
