import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  array,
  arrayBuffer,
  bool,
  either,
  int,
  literal,
  nullable,
  num,
  object,
  oneOf,
  optional,
  parse,
  port,
  sab,
  str,
  tuple,
  union,
  unknownValue,
  type Infer,
} from './schema.ts';

test('scalars accept their kind only', () => {
  assert.equal(str().check('x'), null);
  assert.equal(str().check(1), 'not a string');
  assert.equal(num().check(1.5), null);
  assert.equal(num().check(Number.NaN), 'not a number');
  assert.equal(int().check(2), null);
  assert.equal(int().check(2.5), 'not an integer');
  assert.equal(bool().check(false), null);
  assert.equal(bool().check(0), 'not a boolean');
  assert.equal(literal('a').check('a'), null);
  assert.match(literal('a').check('b') ?? '', /not "a"/);
  assert.equal(oneOf(['x', 'y']).check('y'), null);
  assert.match(oneOf(['x', 'y']).check('z') ?? '', /not one of x\|y/);
  assert.equal(unknownValue().check(undefined), null);
  assert.equal(nullable(str()).check(null), null);
});

test('transferables are checked by class', () => {
  const { port1, port2 } = new MessageChannel();
  assert.equal(port().check(port1), null);
  assert.equal(port().check({}), 'not a MessagePort');
  assert.equal(sab().check(new SharedArrayBuffer(8)), null);
  assert.equal(sab().check(new ArrayBuffer(8)), 'not a SharedArrayBuffer');
  assert.equal(arrayBuffer().check(new ArrayBuffer(8)), null);
  port1.close();
  port2.close();
});

test('objects, optional fields, arrays and tuples name the place of a problem', () => {
  const point = object({ x: int(), label: optional(str()), tags: array(str()), pair: tuple([str(), num()]) });
  const good: Infer<typeof point> = { x: 1, tags: ['a'], pair: ['k', 2] };
  assert.equal(point.check(good), null);
  assert.equal(point.check({ ...good, label: 'p' }), null);
  assert.equal(point.check({ ...good, label: 3 }), 'label: not a string');
  assert.equal(point.check({ ...good, tags: ['a', 1] }), 'tags: [1] not a string');
  assert.equal(point.check({ ...good, pair: ['k'] }), 'pair: not a 2-tuple');
  assert.equal(point.check({ tags: [], pair: ['k', 2] }), 'x: not an integer');
  assert.equal(point.check([]), 'not an object');
  assert.equal(point.check(null), 'not an object');
});

test('either accepts one of two shapes and reports the first', () => {
  const outcome = either(object({ ok: literal(true), value: unknownValue() }), object({ ok: literal(false), error: str() }));
  assert.equal(outcome.check({ ok: true, value: 1 }), null);
  assert.equal(outcome.check({ ok: false, error: 'x' }), null);
  assert.equal(outcome.check({ ok: false, error: 1 }), 'ok: not true');
});

test('unions dispatch on their tag and name it in problems', () => {
  const message = union('type', { ping: object({ n: int() }), pong: object({}) });
  type Message = Infer<typeof message>;
  const ping: Message = { type: 'ping', n: 1 };
  assert.equal(message.check(ping), null);
  assert.equal(message.check({ type: 'pong' }), null);
  assert.equal(message.check({ type: 'ping', n: 'x' }), 'malformed "ping" message (n: not an integer)');
  assert.equal(message.check({ type: 'nonsense' }), 'unknown type "nonsense"');
  assert.equal(message.check({ type: 'toString' }), 'unknown type "toString"');
  assert.equal(message.check({ n: 1 }), 'no type tag');
  assert.equal(message.check('ping'), 'not an object');
});

test('parse returns the value or a problem prefixed with what was parsed', () => {
  const s = object({ n: int() });
  assert.deepEqual(parse(s, 'thing', { n: 1 }), { ok: true, value: { n: 1 } });
  assert.deepEqual(parse(s, 'thing', { n: 'x' }), { ok: false, problem: 'thing: n: not an integer' });
});
