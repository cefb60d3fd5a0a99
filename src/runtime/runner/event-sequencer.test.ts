import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WireEvent } from '../../shared/protocol/index.ts';
import { EventSequencer, type SequencerClock } from './event-sequencer.ts';

function fakeClock() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const clock: SequencerClock = {
    now: () => now,
    later: (fn, ms) => {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return timer;
    },
    cancel: (handle) => {
      const i = timers.indexOf(handle as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of [...timers].sort((a, b) => a.at - b.at)) {
      if (timer.at <= now) {
        timers.splice(timers.indexOf(timer), 1);
        timer.fn();
      }
    }
  };
  return { clock, advance };
}

const line = (t: number, text: string): WireEvent => ({ type: 'console', t, task: 'main', stream: 'log', text });

test('events that arrive out of time order within the window come out in order', () => {
  const { clock, advance } = fakeClock();
  const out: string[] = [];
  const sequencer = new EventSequencer((events) => out.push(...events.map((e) => (e.type === 'console' ? e.text : ''))), 30, clock);
  sequencer.push([line(5, 'b'), line(9, 'c')]);
  advance(10);
  sequencer.push([line(4, 'a')]);
  assert.deepEqual(out, []);
  advance(25);
  assert.deepEqual(out, ['a', 'b', 'c']);
  sequencer.push([line(20, 'd')]);
  sequencer.flushAll();
  assert.deepEqual(out, ['a', 'b', 'c', 'd']);
});

test('a batch settled before a time releases everything earlier at once, and holds the rest for the window', () => {
  const { clock, advance } = fakeClock();
  const out: string[] = [];
  const sequencer = new EventSequencer((events) => out.push(...events.map((e) => (e.type === 'console' ? e.text : ''))), 30, clock);
  sequencer.push([line(1, 'first')], Infinity);
  assert.deepEqual(out, ['first'], 'a single-lane run shows its first line without waiting');
  sequencer.push([line(3, 'b'), line(8, 'd')], 5);
  assert.deepEqual(out, ['first', 'b'], 'd may still be preceded by a held-back event');
  sequencer.push([line(6, 'c')], 7);
  assert.deepEqual(out, ['first', 'b', 'c']);
  advance(30);
  assert.deepEqual(out, ['first', 'b', 'c', 'd'], 'what was not settled goes out with the window');
  sequencer.push([line(12, 'e')]);
  assert.deepEqual(out.length, 4, 'a batch without the promise waits for the window');
  advance(30);
  assert.deepEqual(out, ['first', 'b', 'c', 'd', 'e']);
});
