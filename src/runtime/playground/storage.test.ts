import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeStore, hashCode, type KeyValueStore } from './storage.ts';
import { codeFromFragment, shareUrl } from './share.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

test('with nothing saved, the original is shown', () => {
  const store = new CodeStore(memoryStore(), 'lesson/a', 'original');
  assert.deepEqual(store.restore(), { code: 'original', edited: false, newerOriginal: false });
});

test('an edit survives a new CodeStore over the same storage (a reload)', () => {
  const backing = memoryStore();
  new CodeStore(backing, 'lesson/a', 'original').save('edited');
  assert.deepEqual(new CodeStore(backing, 'lesson/a', 'original').restore(), {
    code: 'edited',
    edited: true,
    newerOriginal: false,
  });
});

test('typing the original back clears the record', () => {
  const backing = memoryStore();
  const store = new CodeStore(backing, 'lesson/a', 'original');
  store.save('edited');
  store.save('original');
  assert.equal(backing.data.size, 0);
});

test('when the lesson code changes, the edit is kept and a newer original is reported', () => {
  const backing = memoryStore();
  new CodeStore(backing, 'lesson/a', 'version 1').save('my edit');
  const later = new CodeStore(backing, 'lesson/a', 'version 2');
  assert.deepEqual(later.restore(), { code: 'my edit', edited: true, newerOriginal: true });
  // Further typing does not hide the notice…
  later.save('my edit, continued');
  assert.equal(later.restore().newerOriginal, true);
  // …acknowledging it does, and keeps the code.
  later.acknowledgeNewerOriginal('my edit, continued');
  assert.deepEqual(later.restore(), { code: 'my edit, continued', edited: true, newerOriginal: false });
});

test('storage that throws (quota, private mode) is reported, never thrown', () => {
  const refusing: KeyValueStore = {
    getItem: () => null,
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
    removeItem: () => undefined,
  };
  assert.equal(new CodeStore(refusing, 'k', 'o').save('x'), false);
  assert.equal(new CodeStore(undefined, 'k', 'o').save('x'), false);
});

test('a corrupt record is ignored', () => {
  const backing = memoryStore();
  backing.setItem('racecourse:code:k', '{not json');
  assert.equal(new CodeStore(backing, 'k', 'o').restore().code, 'o');
});

test('hashes differ for different text and are stable', () => {
  assert.equal(hashCode('abc'), hashCode('abc'));
  assert.notEqual(hashCode('abc'), hashCode('abd'));
});

test('a share link round-trips code, including non-ASCII and long text', () => {
  const code = `// ünïcødé ✓\n${'const x = 1;\n'.repeat(500)}`;
  const url = new URL(shareUrl('http://localhost:4321', code));
  assert.equal(url.pathname, '/playground/');
  assert.equal(codeFromFragment(url.hash), code);
  assert.equal(codeFromFragment(''), undefined);
  assert.equal(codeFromFragment('#other=1'), undefined);
});
