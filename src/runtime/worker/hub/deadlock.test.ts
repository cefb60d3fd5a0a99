import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCycle, findDeadlock, type LaneSnapshot, type ObjectSnapshot, type RunSnapshot } from './deadlock.ts';

const lane = (id: number, state: LaneSnapshot['state'], waits: LaneSnapshot['waits'] = [], extra: Partial<LaneSnapshot> = {}): LaneSnapshot => ({
  id,
  name: id === 0 ? 'main' : `worker-${id}`,
  state,
  waits,
  holds: [],
  wakeable: false,
  ...extra,
});

function snapshot(lanes: LaneSnapshot[], objects: [number, ObjectSnapshot][], live = [1, 2]): RunSnapshot {
  return { lanes, objects: new Map(objects), liveTasks: new Set(live), pools: new Map() };
}

const mutexes: [number, ObjectSnapshot][] = [
  [10, { kind: 'mutex', name: 'mutex A', owner: 2, locked: true }],
  [11, { kind: 'mutex', name: 'mutex B', owner: 3, locked: true }],
];

test('two workers each holding the lock the other waits for: the cycle is named', () => {
  const run = snapshot(
    [lane(0, 'waiting', [{ kind: 'join', ref: 1 }, { kind: 'join', ref: 2 }]), lane(1, 'waiting', [{ kind: 'mutex', ref: 11 }]), lane(2, 'waiting', [{ kind: 'mutex', ref: 10 }])],
    mutexes,
  );
  const found = findDeadlock(run);
  assert.ok(found);
  assert.equal(
    found.message,
    'Deadlock: worker-1 holds mutex A and waits for mutex B (held by worker-2); worker-2 holds mutex B and waits for mutex A (held by worker-1); ' +
      'main waits for worker-1 to finish and worker-2 to finish. No worker can go on.',
  );
  assert.deepEqual(findCycle(run), [1, 2]);
});

test('no deadlock while anyone runs, sleeps, can be woken by a timer, or waits on something available', () => {
  const waits = [lane(1, 'waiting', [{ kind: 'mutex', ref: 11 }]), lane(2, 'waiting', [{ kind: 'mutex', ref: 10 }])];
  assert.equal(findDeadlock(snapshot([...waits, lane(0, 'running')], mutexes)), null);
  assert.equal(findDeadlock(snapshot([...waits, lane(0, 'sleeping', [{ kind: 'sleep' }])], mutexes)), null);
  assert.equal(findDeadlock(snapshot([...waits, lane(0, 'idle', [], { wakeable: true })], mutexes)), null);
  const freed: [number, ObjectSnapshot][] = [[10, { kind: 'mutex', name: 'mutex A', owner: 0, locked: false }], mutexes[1]!];
  assert.equal(findDeadlock(snapshot(waits, freed)), null);
  // Idle lanes alone are not a deadlock: nobody waits on the runtime.
  assert.equal(findDeadlock(snapshot([lane(0, 'idle')], [])), null);
});

test('channels, semaphores and joins explain themselves', () => {
  const objects: [number, ObjectSnapshot][] = [
    [20, { kind: 'channel', name: 'channel jobs', length: 0, capacity: 4, closed: false }],
    [21, { kind: 'semaphore', name: 'semaphore S', available: 0 }],
    [22, { kind: 'channel', name: 'channel out', length: 1, capacity: 1, closed: false }],
  ];
  const run = snapshot(
    [
      lane(0, 'waiting', [{ kind: 'join', ref: 1 }]),
      lane(1, 'waiting', [{ kind: 'recv', ref: 20 }]),
      lane(2, 'waiting', [{ kind: 'semaphore', ref: 21 }]),
      lane(3, 'waiting', [{ kind: 'send', ref: 22 }]),
    ],
    objects,
    [1, 2, 3],
  );
  const message = findDeadlock(run)?.message ?? '';
  assert.match(message, /worker-1 waits for a value from channel jobs \(empty\)/);
  assert.match(message, /worker-2 waits for a permit of semaphore S \(none free\)/);
  assert.match(message, /worker-3 waits for room in channel out \(full\)/);
  assert.match(message, /main waits for worker-1 to finish/);
  // A closed channel or a finished task lets its waiter go on.
  const closed = snapshot([lane(1, 'waiting', [{ kind: 'recv', ref: 20 }])], [[20, { kind: 'channel', name: 'c', length: 0, capacity: 1, closed: true }]]);
  assert.equal(findDeadlock(closed), null);
  assert.equal(findDeadlock(snapshot([lane(0, 'waiting', [{ kind: 'join', ref: 5 }])], [], [])), null);
});
