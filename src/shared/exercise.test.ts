import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkExploration, checkRun, checkRuns, exploreOptionsFor, type RunEvidence } from './exercise.ts';
import type { ExploreReport } from './protocol/explore.ts';

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

test('a check without explore asks the explorer nothing', () => {
  assert.equal(exploreOptionsFor({ runs: 20, lastLine: 'count = 400000' }), undefined);
});

test("explored executions are held to the check's output conditions, and always to `done`", () => {
  const options = exploreOptionsFor({ runs: 3, lastLine: 'all 5 philosophers have eaten 3 times', excludes: ['Deadlock'], maxWallMs: 500, explore: {} });
  assert.deepEqual(options, {
    check: { state: 'done', lastLine: 'all 5 philosophers have eaten 3 times', excludes: ['Deadlock'] },
    stopAtFirstFailure: true,
  });
});

test("explore's own last line replaces both of the check's (explored runs are smaller)", () => {
  const options = exploreOptionsFor({
    lastLine: 'count = 400000',
    lastLineMatches: '^count = \\d+$',
    includes: ['total'],
    explore: { preemptions: 1, maxExecutions: 5000, lastLineMatches: '^count = 4$' },
  });
  assert.deepEqual(options, {
    check: { state: 'done', lastLineMatches: '^count = 4$', includes: ['total'] },
    stopAtFirstFailure: true,
    preemptions: 1,
    maxExecutions: 5000,
  });
  assert.deepEqual(exploreOptionsFor({ lastLineMatches: '^fair: ', explore: { lastLine: 'count = 4' } })?.check, { state: 'done', lastLine: 'count = 4' });
});

const report = (extra: Partial<ExploreReport> = {}): ExploreReport => ({
  executions: 775,
  bound: 2,
  failures: 0,
  outcomes: [],
  mode: 'bounded',
  complete: true,
  assumptions: 'Assumes up to 2 preemptions.',
  ms: 600,
  ...extra,
});

test('an exploration passes only when it tried every schedule of its bound and none failed', () => {
  assert.deepEqual(checkExploration(report()), { passed: true, reasons: [] });
  // A search that did not try every schedule of its bound proves nothing, even with no failure seen.
  assert.equal(checkExploration(report({ complete: false, incompleteReason: 'Stopped.' })).passed, false);
  const failed = checkExploration(
    report({
      complete: false,
      failures: 1,
      incompleteReason: 'Stopped at the first failure.',
      failure: { schedule: 'v1.1.0b1', preemptions: 1, state: 'check', reason: 'The last line printed was "count = 3", not "count = 4".', steps: [], output: [] },
    }),
  );
  assert.equal(failed.passed, false);
  assert.match(failed.reasons[0] ?? '', /^In an interleaving with 1 preemption, .*"count = 3"/);
  const random = checkExploration(report({ complete: false, mode: 'random', incompleteReason: 'The bounded search needed more than its budget.' }));
  assert.equal(random.passed, false);
  assert.match(random.reasons[0] ?? '', /could not try every interleaving.*budget/);
  const unsupported = checkExploration(report({ complete: false, executions: 0, unsupported: { message: 'fetch is not explored', line: 3 } }));
  assert.match(unsupported.reasons[0] ?? '', /\(line 3\): fetch is not explored$/);
});
