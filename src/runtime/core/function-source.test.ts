import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileFunction, describeFunction } from './function-source.ts';

const snippet = [
  'import { spawn } from "racecourse";',
  'const double = (x: number) => x * 2;',
  'const fail = () => {',
  '  throw new Error("at line 4");',
  '};',
  'const holder = { triple(x: number) { return x * 3; } };',
].join('\n');
// What the browser hands to spawn(): the transpiled source of each function.
const js = snippet.replace(': number', '').replace(': number', '');

test('a function is found in the snippet and rebuilt at the same line, so stacks point into the snippet', () => {
  const fail = describeFunction(() => {
    throw new Error('at line 4');
  }, js, 'spawn');
  assert.equal(fail.line, 1, 'a function not written in the snippet starts at line 1');
  const source = { source: '() => {\n  throw new Error("at line 4");\n}', line: 3, column: 13 };
  const rebuilt = compileFunction(source);
  assert.throws(() => rebuilt(), (error: Error) => /snippet\.ts:4:/.test(error.stack ?? ''));
  assert.deepEqual(describeFunction(eval('(x) => x * 2') as (x: number) => number, js, 'spawn'), {
    source: '(x) => x * 2',
    line: 2,
    column: 15,
  });
});

test('arrows, function expressions, async functions and method shorthand all rebuild', async () => {
  assert.equal((compileFunction({ source: '(x) => x * 2', line: 2, column: 15 }) as (x: number) => number)(4), 8);
  assert.equal((compileFunction({ source: 'function add(a, b) { return a + b; }', line: 1, column: 0 }) as (a: number, b: number) => number)(2, 3), 5);
  assert.equal(await (compileFunction({ source: 'async () => 7', line: 1, column: 0 }) as () => Promise<number>)(), 7);
  assert.equal((compileFunction({ source: 'triple(x) { return x * 3; }', line: 6, column: 17 }) as (x: number) => number)(2), 6);
});

test('what cannot travel is refused with a reason', () => {
  assert.throws(() => describeFunction(42, js, 'spawn'), /spawn\(\) needs a function as its first argument \(got number\)/);
  assert.throws(() => describeFunction(Math.max, js, 'pool'), /A Pool needs a function written in the snippet; max is built in or bound/);
});
