import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineMarks } from './code-marks.ts';

test('every lane that has a next line is marked there in its colour; finished lanes are not', () => {
  const marks = lineMarks([
    { lane: 'main', laneIndex: 0, line: 8, state: 'blocked', waitsFor: 'worker-1 to end' },
    { lane: 'worker-1', laneIndex: 1, line: 4, state: 'runnable' },
    { lane: 'worker-2', laneIndex: 2, line: 6, state: 'finished' },
    { lane: 'worker-7', laneIndex: 7, line: 4, state: 'idle' },
  ]);
  assert.deepEqual(marks, [
    { line: 8, lane: 'main', colour: 0 },
    { line: 4, lane: 'worker-1', colour: 1 },
    // Past the palette's six colours, lanes reuse it in turn.
    { line: 4, lane: 'worker-7', colour: 1 },
  ]);
});
