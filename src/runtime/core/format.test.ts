import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatArgs, inspect } from './format.ts';

test('primitives and strings print as console.log does', () => {
  assert.equal(formatArgs(['a', 1, true, null, undefined, 10n, -0]), 'a 1 true null undefined 10n -0');
  assert.equal(inspect(['a', "it's"]), "[ 'a', 'it\\'s' ]");
});

test('objects, arrays, Map, Set, typed arrays, class instances and null prototypes', () => {
  assert.equal(inspect({ a: 1, 'b-c': [1, 2] }), "{ a: 1, 'b-c': [ 1, 2 ] }");
  assert.equal(inspect(new Map([['k', { v: 1 }]])), "Map(1) { 'k' => { v: 1 } }");
  assert.equal(inspect(new Set([1, 'x'])), "Set(2) { 1, 'x' }");
  assert.equal(inspect(new Float64Array([1.5, 2])), 'Float64Array(2) [ 1.5, 2 ]');
  class Point {
    x = 1;
    y = 2;
  }
  assert.equal(inspect(new Point()), 'Point { x: 1, y: 2 }');
  assert.equal(inspect(Object.create(null)), '[Object: null prototype] {}');
  assert.equal(inspect([1, , 3]), '[ 1, <1 empty item>, 3 ]');
  assert.equal(inspect(new SharedArrayBuffer(8)), 'SharedArrayBuffer { byteLength: 8 }');
  assert.equal(inspect(() => 1), '[Function (anonymous)]');
  assert.equal(inspect(class Foo {}), '[class Foo]');
});

test('cycles, depth and length limits', () => {
  const a: Record<string, unknown> = { name: 'a' };
  a.self = a;
  assert.equal(inspect(a), "{ name: 'a', self: [Circular] }");
  assert.equal(inspect({ l1: { l2: { l3: { l4: { l5: 1 } } } } }), '{ l1: { l2: { l3: { l4: [Object] } } } }');
  const long = inspect(Array.from({ length: 150 }, (_, i) => i));
  assert.match(long, /\.\.\. 50 more items/);
  assert.match(inspect({ text: 'x'.repeat(100) }), /^\{\n {2}text: 'x{100}'\n\}$/);
});

test('errors print their (mapped) stack and cause', () => {
  const error = new RangeError('too far', { cause: 'reasons' });
  error.stack = 'RangeError: too far\n    at f (blob:xyz:3:5)';
  const text = inspect(error, { mapStack: (stack) => stack.replace('blob:xyz', 'snippet.ts') });
  assert.equal(text, "RangeError: too far\n    at f (snippet.ts:3:5)\n  [cause]: 'reasons'");
});

test('printf-style directives', () => {
  assert.equal(formatArgs(['%s is %d years, %i, %f', 'Ada', 36.6, 3.9, '1.5']), 'Ada is 36.6 years, 3, 1.5');
  assert.equal(formatArgs(['%o and %j and %%', { a: 1 }, { b: 2 }]), '{ a: 1 } and {"b":2} and %');
  assert.equal(formatArgs(['%c styled', 'color: red']), ' styled');
  assert.equal(formatArgs(['%s', 'a', 'extra', 2]), 'a extra 2');
});
