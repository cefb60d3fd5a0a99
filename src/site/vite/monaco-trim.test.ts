import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { monacoTrimPlugin } from './monaco-trim.ts';

const require = createRequire(import.meta.url);

test("Monaco's worker helper loses its import of every contribution and keeps its own code", () => {
  const path = require.resolve('monaco-editor/internal/common/workers.js');
  const source = readFileSync(path, 'utf8');
  const transform = monacoTrimPlugin().transform as (code: string, id: string) => { code: string } | null;
  const trimmed = transform(source, path)?.code ?? source;
  assert.doesNotMatch(trimmed, /^import '[^']*contrib[^']*';$/m);
  assert.match(trimmed, /^import \{ editor \} from '\.\.\/\.\.\/editor\/editor\.api\.js';$/m);
  assert.match(trimmed, /function createWebWorker\(/);
  assert.equal(transform(source, '/elsewhere/workers.js'), null);
});
