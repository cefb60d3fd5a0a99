import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choiceName, choiceText, endedSentence, stepCount, stepSentence } from './step-words.ts';

test('a write and a read are said as what they did, with their values', () => {
  assert.equal(stepSentence({ lane: 'worker-2', op: 'write shared[0] ← 42' }), 'worker-2 wrote 42 to shared[0]');
  assert.equal(stepSentence({ lane: 'worker-1', op: 'read shared[0] → 3' }), 'worker-1 read 3 from shared[0]');
  assert.equal(stepSentence({ lane: 'worker-1', op: 'read counts[12] → "a b"' }), 'worker-1 read "a b" from counts[12]');
});

test('known verbs go into the past tense, anything else is said as it is', () => {
  assert.equal(stepSentence({ lane: 'main', op: 'lock mutex A' }), 'main locked mutex A');
  assert.equal(stepSentence({ lane: 'main', op: 'spawn add as worker-1' }), 'main spawned add as worker-1');
  assert.equal(stepSentence({ lane: 'worker-1', op: 'release permits' }), 'worker-1 released permits');
  assert.equal(stepSentence({ lane: 'worker-1', op: 'Atomics.add(counter[0], 1) → 0' }), 'worker-1: Atomics.add(counter[0], 1) → 0');
  // A read still to be done (a choice, not a step) has no value yet: not said as a read of something.
  assert.equal(stepSentence({ lane: 'worker-1', op: 'read shared[0]' }), 'worker-1: read shared[0]');
});

test('a lane button is named as the contract says, and shows lane, line and op', () => {
  const write = { lane: 'worker-1', line: 22, op: 'write shared[0] ← 42', isEvent: false };
  assert.equal(choiceName(write), 'Step worker-1');
  assert.equal(choiceText(write), 'worker-1 · line 22 · write shared[0] ← 42');
  const timer = { lane: 'main', line: 4, op: 'timer set at line 4', isEvent: true };
  assert.equal(choiceName(timer), 'Step main: timer set at line 4');
});

test('the end of an execution in plain words', () => {
  assert.equal(endedSentence({ state: 'done', lastLine: 'count = 1' }), 'Finished: count = 1');
  assert.equal(endedSentence({ state: 'done', lastLine: '' }), 'Finished, with no output.');
  assert.equal(
    endedSentence({ state: 'deadlock', reason: 'main waits for mutex B, held by worker-1', lastLine: '' }),
    'Deadlock: main waits for mutex B, held by worker-1',
  );
  assert.equal(
    endedSentence({ state: 'deadlock', reason: 'Deadlock: worker-1 waits at line 18 for mutex B, held by worker-2.', lastLine: '' }),
    'Deadlock: worker-1 waits at line 18 for mutex B, held by worker-2.',
  );
  assert.equal(endedSentence({ state: 'assert', lastLine: 'count = 1' }), 'A console.assert failed: count = 1');
  assert.equal(endedSentence({ state: 'error', lastLine: '' }), 'Uncaught error.');
});

test('the step counter names the loaded schedule’s length while there is more of it', () => {
  assert.equal(stepCount({ step: 3, scheduleLength: 8 }), 'Step 3 of 8');
  assert.equal(stepCount({ step: 8, scheduleLength: 8 }), 'Step 8');
  assert.equal(stepCount({ step: 2, scheduleLength: 0 }), 'Step 2');
});
