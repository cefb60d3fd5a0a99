import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineDiff, lineRange } from './line-diff.ts';

test('identical code has no differing line, whatever its indentation', () => {
  const diff = lineDiff('a\n  b\nc\n', 'a\nb\n    c');
  assert.deepEqual(diff.mine, [false, false, false]);
  assert.deepEqual(diff.theirs, [false, false, false]);
  assert.deepEqual(diff.hunks, []);
});

test('a changed line and inserted lines are marked on the side that has them', () => {
  const mine = ['lock.lock();', 'const seen = x;', 'lock.unlock();', 'write(seen + 1);'].join('\n');
  const theirs = ['lock.lock();', 'const seen = x;', 'write(seen + 1);', 'lock.unlock();'].join('\n');
  const diff = lineDiff(mine, theirs);
  assert.equal(diff.mine.filter(Boolean).length, 1);
  assert.equal(diff.theirs.filter(Boolean).length, 1);
  assert.equal(diff.hunks.length, 2);
});

test('hunks give 1-based ranges on both sides, and an empty side reads as nothing', () => {
  const diff = lineDiff('a\nb\nc\n', 'a\nx\ny\nb\nc\n');
  assert.deepEqual(diff.hunks, [{ mine: [2, 1], theirs: [2, 3] }]);
  assert.equal(lineRange(diff.hunks[0]!.mine), '');
  assert.equal(lineRange(diff.hunks[0]!.theirs), 'lines 2–3');
  assert.equal(lineRange([4, 4]), 'line 4');
  const removed = lineDiff('a\nold\nb', 'a\nb');
  assert.deepEqual(removed.hunks, [{ mine: [2, 2], theirs: [2, 1] }]);
});
