import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEADLOCK_CHECK_MS, DEADLOCK_STABLE_MS, DeadlockWatch } from './deadlock-watch.ts';
import type { RunSnapshot } from './deadlock.ts';

// Two workers, each holding the mutex the other waits for; main joins them.
const deadlocked: RunSnapshot = {
  lanes: [
    { id: 0, name: 'main', state: 'waiting', waits: [{ kind: 'join', ref: 1 }, { kind: 'join', ref: 2 }], holds: [], wakeable: false },
    { id: 1, name: 'worker-1', state: 'waiting', waits: [{ kind: 'mutex', ref: 11 }], holds: [], wakeable: false },
    { id: 2, name: 'worker-2', state: 'waiting', waits: [{ kind: 'mutex', ref: 10 }], holds: [], wakeable: false },
  ],
  objects: new Map([
    [10, { kind: 'mutex', name: 'mutex A', owner: 2, locked: true }],
    [11, { kind: 'mutex', name: 'mutex B', owner: 3, locked: true }],
  ]),
  liveTasks: new Set([1, 2]),
  pools: new Map(),
};
const moving: RunSnapshot = { ...deadlocked, lanes: deadlocked.lanes.map((l) => (l.id === 1 ? { ...l, state: 'running' } : l)) };

function watch() {
  const world = { now: 1000, run: deadlocked, doorbell: 7 };
  const w = new DeadlockWatch({ clock: () => world.now, snapshot: () => world.run, doorbell: () => world.doorbell });
  return { world, poll: (now: number) => ((world.now = now), w.poll()) };
}

test('a deadlock is reported once it has been stable for DEADLOCK_STABLE_MS, and only once', () => {
  const { poll } = watch();
  assert.equal(poll(1000), null, 'first sighting: a candidate');
  assert.equal(poll(1000 + DEADLOCK_CHECK_MS - 1), null, 'no check due yet');
  assert.equal(poll(1000 + DEADLOCK_STABLE_MS - DEADLOCK_CHECK_MS), null, 'not stable long enough');
  assert.equal(poll(1000 + DEADLOCK_STABLE_MS - 1), null, 'no check due yet');
  assert.match(poll(1000 + DEADLOCK_STABLE_MS)?.message ?? '', /mutex/);
  assert.equal(poll(1000 + DEADLOCK_STABLE_MS + DEADLOCK_CHECK_MS), null, 'already reported');
});

test('a doorbell ring restarts the quiet period', () => {
  const { world, poll } = watch();
  assert.equal(poll(1000), null);
  world.doorbell++;
  assert.equal(poll(1400), null, 'the doorbell rang: a new candidate');
  assert.equal(poll(1800), null, '400 ms quiet is not enough');
  assert.ok(poll(2000));
});

test('a situation that cleared is reported again when it comes back', () => {
  const { world, poll } = watch();
  poll(1000);
  assert.ok(poll(1600));
  world.run = moving;
  assert.equal(poll(1800), null);
  world.run = deadlocked;
  assert.equal(poll(2000), null);
  assert.ok(poll(2600));
});
