import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declaredTimeLimit, effectiveTimeLimit } from './time-limit.ts';

test('a leading comment declares the time limit: s (default unit), ms, m, fractions', () => {
  assert.equal(declaredTimeLimit('// @time-limit 30s\nwhile (true) {}')?.ms, 30_000);
  assert.equal(declaredTimeLimit('// @time-limit 45\n')?.ms, 45_000);
  assert.equal(declaredTimeLimit('/* @time-limit 1500ms */\nx()')?.ms, 1_500);
  assert.equal(declaredTimeLimit('// A lesson snippet\n// @time-limit 2m\nimport { x } from "racecourse";')?.ms, 120_000);
  assert.equal(declaredTimeLimit('/**\n * Long one.\n * @time-limit 2.5s\n */\nrun();')?.ms, 2_500);
});

test('only leading comments count, and values are clamped to 100 ms … 10 min', () => {
  assert.equal(declaredTimeLimit('run();\n// @time-limit 30s'), undefined);
  assert.equal(declaredTimeLimit('const s = "// @time-limit 30s";'), undefined);
  assert.equal(declaredTimeLimit('// @time-limit 1ms')?.ms, 100);
  assert.equal(declaredTimeLimit('// @time-limit 60m')?.ms, 600_000);
});

test('the caller’s option wins, then the declaration, then 10 s', () => {
  assert.equal(effectiveTimeLimit('// @time-limit 30s', 5_000), 5_000);
  assert.equal(effectiveTimeLimit('// @time-limit 30s'), 30_000);
  assert.equal(effectiveTimeLimit('x()'), 10_000);
});
