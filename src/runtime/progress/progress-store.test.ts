import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressStore, isComplete, mergeProgress, parseProgress, emptyProgress } from './progress-store.ts';
import type { KeyValueStore } from '../playground/storage.ts';

function memory(): KeyValueStore {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

test('a lesson is complete once every exercise on it passed', () => {
  const store = new ProgressStore(memory());
  store.setTotal('/learn/a/b/', 2);
  store.markPassed('/learn/a/b/', 'one', 5);
  assert.equal(isComplete(store.load().lessons['/learn/a/b/']), false);
  store.markPassed('/learn/a/b/', 'two', 6);
  assert.equal(isComplete(store.load().lessons['/learn/a/b/']), true);
});

test('the first pass time is kept', () => {
  const store = new ProgressStore(memory());
  store.markPassed('/x/', 'e', 1);
  store.markPassed('/x/', 'e', 2);
  assert.equal(store.load().lessons['/x/']?.passed.e, 1);
});

test('export then import into another browser carries the progress over, merged', () => {
  const here = new ProgressStore(memory());
  here.setTotal('/x/', 1);
  here.markPassed('/x/', 'e', 1);
  const there = new ProgressStore(memory());
  there.markPassed('/y/', 'f', 2);
  const result = there.import(here.export());
  assert.equal(result.ok, true);
  assert.deepEqual(Object.keys(there.load().lessons).sort(), ['/x/', '/y/']);
  assert.equal(isComplete(there.load().lessons['/x/']), true);
});

test('a file that is not a progress file is refused with a reason, and nothing changes', () => {
  const store = new ProgressStore(memory());
  store.markPassed('/x/', 'e', 1);
  const bad = store.import('{"hello": 1}');
  assert.equal(bad.ok, false);
  assert.equal(store.import('not json').ok, false);
  assert.deepEqual(Object.keys(store.load().lessons), ['/x/']);
});

test('parse drops malformed entries rather than trusting them', () => {
  const parsed = parseProgress(JSON.stringify({ version: 1, lessons: { '/a/': { passed: { e: 'yes', f: 3 }, total: -2 }, nope: {} } }));
  assert.ok(parsed.ok);
  if (parsed.ok) assert.deepEqual(parsed.progress.lessons, { '/a/': { passed: { f: 3 }, total: 0 } });
});

test('merge takes the union of passes', () => {
  const a = emptyProgress();
  a.lessons['/a/'] = { passed: { e: 1 }, total: 2 };
  const b = emptyProgress();
  b.lessons['/a/'] = { passed: { f: 2 }, total: 2 };
  assert.deepEqual(mergeProgress(a, b).lessons['/a/'], { passed: { e: 1, f: 2 }, total: 2 });
});
