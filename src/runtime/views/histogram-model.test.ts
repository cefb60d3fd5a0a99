import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OutcomeCounter, binOutcomes } from './histogram-model.ts';

test('few outcomes are listed as they are', () => {
  const counter = new OutcomeCounter();
  for (const v of ['a', 'b', 'a']) counter.add(v);
  assert.equal(binOutcomes(counter.buckets(100).shown), undefined);
  assert.deepEqual(counter.buckets().shown, [
    { outcome: 'a', count: 2 },
    { outcome: 'b', count: 1 },
  ]);
});

test('many different counts are grouped into ranges; a repeated value keeps its own bar', () => {
  const counter = new OutcomeCounter();
  for (let i = 0; i < 20; i++) counter.add(`count = ${200000 + i * 1000}`);
  counter.add('count = 400000');
  counter.add('count = 400000');
  const binned = binOutcomes(counter.buckets(1000).shown, 4);
  assert.ok(binned);
  assert.deepEqual(binned.exact, [{ outcome: 'count = 400000', count: 2 }]);
  assert.equal(binned.ranges.length, 4);
  assert.equal(binned.ranges.reduce((n, r) => n + r.count, 0), 20);
  assert.equal(binned.ranges[0]?.label, 'count = 200000 … 204750');
});

test('outcomes that are not one number in the same text are not binned', () => {
  const counter = new OutcomeCounter();
  for (let i = 0; i < 20; i++) counter.add(i % 2 ? `count = ${i}` : `total ${i}`);
  assert.equal(binOutcomes(counter.buckets(1000).shown), undefined);
});
