import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OutcomeCounter, binOutcomes, outcomeRows } from './histogram-model.ts';
import type { OutcomeDeclaration } from '../../shared/outcomes.ts';

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

const lostUpdate: OutcomeDeclaration = {
  'count = 400000': { label: 'expected', text: 'every increment counted', exploring: 'count = 4' },
  '*': { label: 'forbidden', text: 'increments were lost' },
};

test('labelled rows: each outcome with its meaning, and the right answer never seen as a row of 0', () => {
  const counter = new OutcomeCounter();
  for (const v of ['count = 239011', 'count = 254227', 'count = 239011']) counter.add(v);
  const rows = outcomeRows(counter, lostUpdate);
  assert.deepEqual(
    rows.map((r) => [r.name, r.count, r.meaning?.label, r.outcome]),
    [
      ['count = 239011', 2, 'forbidden', 'count = 239011'],
      ['count = 254227', 1, 'forbidden', 'count = 254227'],
      ['count = 400000', 0, 'expected', 'count = 400000'],
    ],
  );
});

test('labelled rows: a declared line seen once keeps its own row when the rest are grouped into ranges', () => {
  const counter = new OutcomeCounter();
  for (let i = 0; i < 20; i++) counter.add(`count = ${200000 + i * 1000}`);
  counter.add('count = 400000');
  const rows = outcomeRows(counter, lostUpdate);
  assert.deepEqual(rows[0], { name: 'count = 400000', count: 1, outcome: 'count = 400000', meaning: { key: 'count = 400000', ...lostUpdate['count = 400000']! } });
  const ranges = rows.filter((r) => r.range);
  assert.ok(ranges.length > 1);
  assert.equal(ranges.reduce((n, r) => n + r.count, 0), 20);
  assert.ok(ranges.every((r) => r.meaning?.label === 'forbidden'));
  // Every declared outcome was seen: no row of 0.
  assert.ok(rows.every((r) => r.count > 0));
});

test('labelled rows: outcomes no key covers have no meaning, and the catch-all never met is "any other outcome"', () => {
  const counter = new OutcomeCounter();
  counter.add('count = 400000');
  counter.add('(timeout)');
  const rows = outcomeRows(counter, { 'count = 400000': lostUpdate['count = 400000']! });
  assert.deepEqual(rows.map((r) => [r.name, r.meaning?.label]), [['count = 400000', 'expected'], ['(timeout)', undefined]]);
  const fixed = outcomeRows(new OutcomeCounter(), lostUpdate);
  assert.deepEqual(fixed.map((r) => [r.name, r.count, r.outcome]), [['count = 400000', 0, 'count = 400000'], ['any other outcome', 0, undefined]]);
});
