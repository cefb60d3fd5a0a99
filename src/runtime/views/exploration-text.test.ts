import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExploreOutcome, ExploreReport } from '../../shared/protocol/explore.ts';
import { boundWords, duration, progressSentence, schedules, summarySentence } from './exploration-text.ts';

const outcome = (lastLine: string, failing: boolean): ExploreOutcome => ({
  state: failing ? 'assert' : 'done',
  lastLine,
  count: 4,
  schedule: 's',
  preemptions: 0,
  failing,
});

const lostUpdate = [outcome('count = 4', false), outcome('count = 3', true), outcome('count = 2', true)];
const report = (over: Partial<ExploreReport>): ExploreReport => ({
  executions: 46,
  bound: 2,
  failures: 20,
  outcomes: lostUpdate,
  mode: 'bounded',
  complete: true,
  assumptions: 'bound 2',
  ms: 300,
  ...over,
});

test('a complete search says what it checked, how much, and how many outcomes fail', () => {
  assert.equal(
    summarySentence(report({})),
    'Checked every interleaving with up to 2 preemptions: 46 executions in 0.3\u00a0s. 2 of 3 outcomes fail.',
  );
  assert.equal(
    summarySentence(report({ outcomes: [outcome('count = 4', false)], executions: 1, bound: 0, ms: 12 })),
    'Checked every interleaving with no preemptions: 1 execution in 12\u00a0ms. Every execution ends the same way, and none fails.',
  );
  assert.match(summarySentence(report({ outcomes: lostUpdate.slice(0, 2) })), /1 of 2 outcomes fails\.$/);
  assert.match(summarySentence(report({ outcomes: [outcome('a', false), outcome('b', false)] })), /2 different outcomes, none failing: a console\.assert of what must hold makes the wrong ones fail\.$/);
});

test('an incomplete search never reads like a proof', () => {
  const stopped = summarySentence(report({ complete: false, incompleteReason: 'Stopped.', bound: 1, executions: 1234, ms: 2100 }));
  assert.equal(
    stopped,
    'Not exhaustive: Stopped. 1,234 executions in 2.1\u00a0s, searching with up to 1 preemption; other interleavings were not tried. 3 outcomes seen, 2 failing.',
  );
  const clean = summarySentence(report({ complete: false, incompleteReason: 'Budget spent.', outcomes: [outcome('ok', false)] }));
  assert.match(clean, /^Not exhaustive: /);
  assert.match(clean, /none failing so far; that proves nothing about the rest\.$/);
  assert.doesNotMatch(clean, /Checked|passes|All/);
});

test('an unsupported program is its message', () => {
  assert.equal(
    summarySentence(report({ complete: false, unsupported: { message: 'Line 3: fetch cannot be explored.', line: 3 } })),
    'Line 3: fetch cannot be explored.',
  );
  assert.equal(
    summarySentence(report({ complete: false, unsupported: { message: 'Syntax error: Unexpected token', line: 3 } })),
    'Syntax error: Unexpected token (line 3).',
  );
});

test('progress says so far, and how far', () => {
  assert.equal(
    progressSentence({ executions: 20, bound: 1, failures: 3, outcomes: lostUpdate, mode: 'bounded' }),
    'Exploring: 20 executions so far, now with up to 1 preemption. 3 outcomes seen, 2 failing.',
  );
  assert.equal(
    progressSentence({ executions: 0, bound: 0, failures: 0, outcomes: [], mode: 'random' }),
    'Exploring: 0 executions so far, now trying random schedules. No execution finished.',
  );
});

test('counts and durations', () => {
  assert.equal(schedules(1), '1 schedule');
  assert.equal(schedules(12), '12 schedules');
  assert.equal(boundWords(null), 'with any number of preemptions');
  assert.equal(duration(40.4), '40\u00a0ms');
  assert.equal(duration(12_345), '12\u00a0s');
});
