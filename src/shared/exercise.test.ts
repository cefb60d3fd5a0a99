import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRun, checkRuns, type RunEvidence } from './exercise.ts';

const run = (last: string, extra: Partial<RunEvidence> = {}): RunEvidence => ({
  state: 'done',
  lines: [
    { stream: 'log', text: 'starting' },
    { stream: 'log', text: last },
    { stream: 'system', text: 'runtime note' },
  ],
  wallMs: 100,
  activeMs: 150,
  workers: 3,
  utilization: 1.5,
  startupMs: 0,
  ...extra,
});

test('the last log line, not a system line, is the result', () => {
  assert.deepEqual(checkRun({ lastLine: 'count = 400000' }, run('count = 400000')), []);
  assert.equal(checkRun({ lastLine: 'count = 400000' }, run('count = 399123')).length, 1);
});

test('a race check fails if any one of its runs lost updates', () => {
  const runs = [run('count = 400000'), run('count = 399990'), run('count = 400000')];
  const verdict = checkRuns({ runs: 3, lastLine: 'count = 400000' }, runs);
  assert.equal(verdict.passed, false);
  assert.match(verdict.reasons[0] ?? '', /^Run 2 of 3/);
});

test('too few runs is not a pass', () => {
  assert.equal(checkRuns({ runs: 5 }, [run('x')]).passed, false);
  assert.equal(checkRuns({ runs: 1 }, [run('x')]).passed, true);
});

test('state, includes, excludes, regex and totals are all checked', () => {
  assert.match(checkRun({}, run('x', { state: 'error' }))[0] ?? '', /ended "error"/);
  assert.deepEqual(checkRun({ state: 'error' }, run('x', { state: 'error' })), []);
  assert.equal(checkRun({ includes: ['runtime note'] }, run('x')).length, 0);
  assert.equal(checkRun({ excludes: ['Deadlock'] }, run('Deadlock: a waits for b')).length, 1);
  assert.equal(checkRun({ lastLineMatches: '^total = \\d+$' }, run('total = 12')).length, 0);
  assert.equal(checkRun({ minUtilization: 1.2 }, run('x')).length, 0);
  assert.equal(checkRun({ minUtilization: 1.6 }, run('x')).length, 1);
  assert.equal(checkRun({ maxWallMs: 50 }, run('x')).length, 1);
  assert.equal(checkRun({ minWorkers: 4 }, run('x')).length, 1);
});

test('time and utilisation checks leave out the time the browser spent starting workers', () => {
  // 700 ms of overlapped work after 900 ms of worker start-up on a busy machine.
  const slowStart = run('4 jobs done', { wallMs: 1600, activeMs: 1450, startupMs: 900 });
  assert.deepEqual(checkRun({ maxWallMs: 1300, minUtilization: 1.05 }, slowStart), []);
  // Jobs one after another take 2,800 ms whatever the start-up.
  const sequential = run('4 jobs done', { wallMs: 2800, activeMs: 1400, startupMs: 0 });
  const reasons = checkRun({ maxWallMs: 1300, minUtilization: 1.05 }, sequential);
  assert.equal(reasons.length, 2);
  assert.match(reasons[1] ?? '', /^The run took 2800 ms; the exercise asks for at most 1300 ms\.$/);
  assert.match(checkRun({ maxWallMs: 500 }, slowStart)[0] ?? '', /took 700 ms \(not counting 900 ms of starting workers\)/);
});
