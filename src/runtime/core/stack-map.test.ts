import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locate, mapStack, snippetLocation } from './stack-map.ts';

test('the snippet URL becomes snippet.ts and the runtime frames go', () => {
  const stack = [
    'Error: boom',
    '    at work (blob:http://localhost/abc:4:11)',
    '    at run (blob:http://localhost/runtime-bundle:900:20)',
    '    at blob:http://localhost/abc:9:1',
  ].join('\n');
  assert.equal(
    mapStack(stack, { snippetUrls: ['blob:http://localhost/abc'] }),
    'Error: boom\n    at work (snippet.ts:4:11)\n    at snippet.ts:9:1',
  );
  assert.deepEqual(snippetLocation('x\n    at f (snippet.ts:12:3)'), { line: 12, column: 3 });
  assert.equal(snippetLocation('no frames'), undefined);
});

test('locate finds a function source: 1-based line, 0-based column', () => {
  assert.deepEqual(locate('const a = 1;\nconst f = (x) => x * 2;\n', '(x) => x * 2'), { line: 2, column: 10 });
  assert.equal(locate('abc', 'zzz'), undefined);
});

test('columns on line 1 lose the start marker the run worker prepends', () => {
  const stack = 'Error: x\n    at snippet.ts:1:60\n    at snippet.ts:2:5';
  assert.equal(mapStack(stack, { snippetUrls: [], lineOneShift: 47 }), 'Error: x\n    at snippet.ts:1:13\n    at snippet.ts:2:5');
});
