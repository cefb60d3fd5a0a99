import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExploreReport } from '../../shared/protocol/explore.ts';
import { unexplainedResults, unexplainedWarning } from './real-vs-explored.ts';

const report = (complete: boolean, lines: string[]): ExploreReport => ({
  executions: 10,
  bound: 2,
  failures: 0,
  mode: 'bounded',
  complete,
  assumptions: '',
  ms: 1,
  outcomes: lines.map((lastLine) => ({ state: 'done', lastLine, count: 5, schedule: '1.s1.a', preemptions: 0, failing: false })),
});

test('a real result that no explored execution gives is flagged, only after a complete search of the same code', () => {
  const real = new Set(['r1=0 r2=0', 'r1=1 r2=0']);
  assert.deepEqual(unexplainedResults('code', report(true, ['r1=1 r2=0', 'r1=0 r2=1', 'r1=1 r2=1']), real), ['r1=0 r2=0']);
  assert.deepEqual(unexplainedResults('code', report(false, ['r1=1 r2=0']), real), [], 'an incomplete search proves nothing unreachable');
  assert.deepEqual(unexplainedResults('const N = exploring ? 2 : 9;', report(true, ['r1=1 r2=0']), real), [], 'exploring sizes change the outcomes by design');
  assert.match(unexplainedWarning(['r1=0 r2=0']), /“r1=0 r2=0”.*no explored interleaving.*data race/);
});
