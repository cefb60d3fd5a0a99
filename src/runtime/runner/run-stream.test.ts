import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunEvent } from '../../shared/protocol/index.ts';
import { RunStream } from './run-stream.ts';

const line = (seq: number): RunEvent => ({ type: 'console', seq, t: seq, task: 'main', stream: 'log', text: `line ${seq}` });
const seqs = (events: RunEvent[]) => events.map((e) => e.seq);

test('a listener from the start gets every event as it is published', () => {
  const stream = new RunStream();
  const got: RunEvent[] = [];
  stream.subscribe((e) => got.push(e));
  stream.publish(line(0));
  stream.publish(line(1));
  assert.deepEqual(seqs(got), [0, 1]);
});

test('a late listener gets the events so far, then the live ones, each once', () => {
  const stream = new RunStream();
  stream.publish(line(0));
  stream.publish(line(1));
  const got: RunEvent[] = [];
  stream.subscribe((e) => got.push(e));
  assert.deepEqual(seqs(got), [0, 1]);
  stream.publish(line(2));
  assert.deepEqual(seqs(got), [0, 1, 2]);
  assert.deepEqual(seqs([...stream.events]), [0, 1, 2]);
});

test('an event published during the replay reaches the replaying listener once', () => {
  const stream = new RunStream();
  stream.publish(line(0));
  const got: RunEvent[] = [];
  stream.subscribe((e) => {
    got.push(e);
    if (e.seq === 0) stream.publish(line(1));
  });
  assert.deepEqual(seqs(got), [0, 1]);
});

test('a listener subscribed by another listener does not get the current event twice', () => {
  const stream = new RunStream();
  const late: RunEvent[] = [];
  stream.subscribe((e) => {
    if (e.seq === 1) stream.subscribe((f) => late.push(f));
  });
  stream.publish(line(0));
  stream.publish(line(1));
  stream.publish(line(2));
  assert.deepEqual(seqs(late), [0, 1, 2]);
});

test('unsubscribing stops delivery, also within the event being delivered', () => {
  const stream = new RunStream();
  const first: RunEvent[] = [];
  const second: RunEvent[] = [];
  let stopSecond = () => {};
  const stopFirst = stream.subscribe((e) => {
    first.push(e);
    if (e.seq === 1) stopSecond();
  });
  stopSecond = stream.subscribe((e) => second.push(e));
  stream.publish(line(0));
  stream.publish(line(1));
  stopFirst();
  stream.publish(line(2));
  assert.deepEqual(seqs(first), [0, 1]);
  assert.deepEqual(seqs(second), [0]);
});
