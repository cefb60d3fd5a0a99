import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RingReader, RingWriter, createRingBuffer, decodeRecord, encodeRecord } from './event-ring.ts';

test('records come out in the order they went in, across many wrap-arounds', () => {
  const sab = createRingBuffer(256);
  const writer = new RingWriter(sab);
  const reader = new RingReader(sab);
  const seen: unknown[] = [];
  let next = 0;
  for (let round = 0; round < 200; round++) {
    while (writer.write(encodeRecord({ n: next, pad: 'x'.repeat(next % 17) }))) next++;
    for (const bytes of reader.drain(3)) seen.push(decodeRecord(bytes));
  }
  for (const bytes of reader.drain()) seen.push(decodeRecord(bytes));
  assert.equal(seen.length, next);
  seen.forEach((record, i) => assert.equal((record as { n: number }).n, i));
});

test('a full ring refuses a record instead of overwriting, and a record larger than the ring never fits', () => {
  const sab = createRingBuffer(64);
  const writer = new RingWriter(sab);
  const reader = new RingReader(sab);
  const record = new Uint8Array(20);
  let written = 0;
  while (writer.write(record)) written++;
  assert.ok(written >= 2);
  assert.equal(writer.write(new Uint8Array(200)), false);
  assert.equal(reader.drain().length, written);
  assert.ok(writer.write(record));
});

test('a record of more than half the ring gets through an emptied ring (it starts again at 0)', () => {
  const sab = createRingBuffer(256);
  const writer = new RingWriter(sab);
  const reader = new RingReader(sab);
  assert.ok(writer.write(new Uint8Array(100)));
  assert.equal(reader.drain().length, 1);
  assert.ok(writer.write(new Uint8Array(200)));
  assert.equal(reader.drain()[0]?.length, 200);
});
