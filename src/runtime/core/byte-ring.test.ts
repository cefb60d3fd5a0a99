import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteRing } from './byte-ring.ts';

/** A ring whose cells sit where a Channel keeps them (not at 0), over `dataBytes` of data. */
function ring(dataBytes: number): ByteRing {
  const sab = new SharedArrayBuffer(64 + dataBytes);
  return new ByteRing(new Int32Array(sab, 0, 16), { head: 2, tail: 3, used: 4 }, sab, 64);
}

const record = (n: number, length: number) => new Uint8Array(length).fill(n & 0xff);

test('records come out whole and in order across many wrap-arounds, whatever their sizes', () => {
  const r = ring(128);
  let written = 0;
  let read = 0;
  for (let round = 0; round < 500; round++) {
    while (r.write(record(written, (written * 7) % 29))) written++;
    const take = 1 + (round % 3);
    for (let i = 0; i < take; i++) {
      const got = r.read();
      if (!got) break;
      assert.deepEqual(got, record(read, (read * 7) % 29));
      read++;
    }
  }
  for (let got = r.read(); got; got = r.read()) {
    assert.deepEqual(got, record(read, (read * 7) % 29));
    read++;
  }
  assert.equal(read, written);
  assert.ok(written > 1000);
});

test('a full ring refuses a record instead of overwriting it', () => {
  const r = ring(64);
  let written = 0;
  while (r.write(record(written, 12))) written++;
  assert.equal(written, 4);
  assert.deepEqual(r.read(), record(0, 12));
  assert.ok(r.write(record(9, 12)));
  assert.equal(r.write(record(10, 12)), false);
});

test('the largest record fits into an empty ring wherever the last one ended; a larger one never', () => {
  const r = ring(64);
  assert.equal(r.maxRecord, 60);
  assert.ok(r.write(record(1, 36)));
  assert.deepEqual(r.read(), record(1, 36));
  assert.ok(r.write(record(2, 60)), 'an empty ring starts again at 0');
  assert.deepEqual(r.read(), record(2, 60));
  assert.equal(r.write(record(3, 61)), false);
  assert.equal(r.read(), null);
});

test('drain takes only what was published when it began, at most `limit`', () => {
  const r = ring(256);
  for (let i = 0; i < 5; i++) assert.ok(r.write(record(i, 10)));
  assert.deepEqual(r.drain(2), [record(0, 10), record(1, 10)]);
  assert.deepEqual(r.drain(), [record(2, 10), record(3, 10), record(4, 10)]);
  assert.deepEqual(r.drain(), []);
});
