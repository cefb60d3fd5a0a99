import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RingEvent } from '../../shared/protocol/index.ts';
import { Meter } from './meter.ts';

function meter() {
  let now = 0;
  let probes = 0;
  const events: RingEvent[] = [];
  const m = new Meter({ emit: (e) => events.push(e), now: () => now, schedule: () => probes++ });
  const states = () => events.flatMap((e) => (e.k === 'state' ? [`${e.t}:${e.state}`] : []));
  return { m, states, tick: (ms: number) => (now += ms), probes: () => probes, events };
}

test('touch marks running once and schedules one probe; the probe decides idle / waiting / sleeping', () => {
  const { m, states, tick, probes } = meter();
  m.touch();
  m.touch();
  assert.equal(probes(), 1);
  tick(5);
  m.probe();
  const joined = m.asyncWait({ kind: 'join', ref: 1 });
  tick(5);
  m.probe();
  tick(5);
  joined();
  const slept = m.asyncWait({ kind: 'sleep' });
  m.probe();
  tick(5);
  slept();
  m.probe();
  assert.deepEqual(states(), ['0:running', '5:idle', '10:waiting', '15:running', '15:sleeping', '20:running', '20:idle']);
});

test('blocking marks waiting for exactly the block, and reports what can wake the worker', () => {
  const { m, tick, events } = meter();
  m.touch();
  tick(1);
  m.hold(7, 1);
  m.blockStart({ kind: 'mutex', ref: 3 }, false);
  m.touch(); // ignored while blocked
  tick(10);
  m.blockEnd();
  const waiting = events.find((e) => e.k === 'state' && e.state === 'waiting');
  assert.deepEqual(waiting, { k: 'state', t: 1, state: 'waiting', waits: [{ kind: 'mutex', ref: 3 }], holds: [7], wakeable: false });
  assert.equal(events.at(-1)?.k === 'state' && events.at(-1)?.t, 11);
  m.timers = 1;
  m.probe();
  assert.deepEqual(events.at(-1), { k: 'state', t: 11, state: 'idle', waits: [], holds: [7], wakeable: true });
});
