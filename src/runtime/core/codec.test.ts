import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeValue, encodeValue } from './codec.ts';

const roundTrip = (value: unknown) => decodeValue(encodeValue(value));

test('channel values come back equal: primitives, strings, nested data, Map, Set, Date, RegExp, typed arrays', () => {
  const values: unknown[] = [
    undefined,
    null,
    true,
    0,
    -0,
    42,
    -7,
    3.25,
    2 ** 40,
    Number.NaN,
    Infinity,
    12345678901234567890n,
    '',
    'héllo ✓ 𝄞',
    [1, 'two', [3]],
    { a: 1, nested: { b: [true, null] } },
    new Map<unknown, unknown>([['k', 1], [2, { v: 'x' }]]),
    new Set([1, 'a']),
    new Date(86_400_000),
    /ab+c/gi,
    new Uint8Array([1, 2, 3]),
    new Float64Array([1.5, -2]),
    new BigInt64Array([5n]),
  ];
  for (const value of values) assert.deepEqual(roundTrip(value), value);
  assert.ok(Object.is(roundTrip(-0), -0));
  const buffer = roundTrip(new Uint16Array([7, 8]).buffer) as ArrayBuffer;
  assert.deepEqual([...new Uint16Array(buffer)], [7, 8]);
});

test('class instances arrive as their data; errors keep name, message and stack', () => {
  class Point {
    x = 1;
    y = 2;
    norm() {
      return Math.hypot(this.x, this.y);
    }
  }
  assert.deepEqual(roundTrip(new Point()), { x: 1, y: 2 });
  const error = roundTrip(new TypeError('bad')) as Error;
  assert.equal(error.name, 'TypeError');
  assert.equal(error.message, 'bad');
});

test('what cannot be copied fails with a DataCloneError that says what to do', () => {
  assert.throws(() => encodeValue({ f: () => 1 }), { name: 'DataCloneError', message: /A function \(f\) could not be sent through a Channel/ });
  assert.throws(() => encodeValue(new SharedArrayBuffer(4)), { name: 'DataCloneError' });
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.throws(() => encodeValue(cyclic), /cycle/);
});
