import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeFrame, transpile } from './transpile.ts';

const modules = {
  resolve: (specifier: string) => (specifier === 'racecourse' ? 'blob:facade' : null),
  exportsOf: (specifier: string) => (specifier === 'racecourse' ? ['spawn', 'Mutex'] : undefined),
};

test('types are stripped and every line keeps its number', () => {
  const source = 'const a: number = 1;\ninterface P { x: number }\nfunction f(p: P): string {\n  return String(p.x);\n}\nthrow new Error("x");\n';
  const result = transpile(source, modules);
  assert.ok(result.ok);
  const lines = result.code.split('\n');
  assert.equal(lines.length, source.split('\n').length);
  assert.match(lines[5] ?? '', /throw new Error/);
  assert.doesNotMatch(result.code, /: number/);
});

test('the racecourse import is pointed at the URL the run provides, in declarations and import()', () => {
  const result = transpile('import { spawn } from "racecourse";\nspawn(() => 1);\nconst m = await import(\'racecourse\');\n', modules);
  assert.ok(result.ok);
  assert.match(result.code, /from "blob:facade"/);
  assert.match(result.code, /import\("blob:facade"\)/);
  assert.doesNotMatch(result.code, /racecourse/);
});

test('a syntax error found by sucrase names line and column', () => {
  const result = transpile('let x = 1;\nlet y = ;\n', modules);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.error.kind, 'syntax');
  assert.equal(result.error.line, 2);
  assert.equal(result.error.column, 9);
  assert.match(result.text, /SyntaxError: Unexpected token \(line 2, column 9\)/);
  assert.match(result.text, /2 \| let y = ;\n {2}\| {9}\^/);
});

test('a syntax error only the JavaScript parser sees (redeclared let, bad regex) is found before running', () => {
  const redeclared = transpile('let a = 1;\nlet a = 2;\n', modules);
  assert.equal(redeclared.ok, false);
  if (!redeclared.ok) assert.equal(redeclared.error.line, 2);
  const regex = transpile('const ok = 1;\nconst r = /(/;\n', modules);
  assert.equal(regex.ok, false);
  if (!regex.ok) assert.equal(regex.error.line, 2);
});

test('top-level await is fine in a module', () => {
  assert.ok(transpile('await new Promise((r) => setTimeout(r, 1));\n', modules).ok);
});

test('importing anything but racecourse is refused with a clear message and position', () => {
  const result = transpile('const x = 1;\nimport fs from "node:fs";\nfs.readFileSync("x");\n', modules);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.match(result.error.message, /can import only "racecourse"/);
  assert.equal(result.error.line, 2);
});

test('a misspelled racecourse export is named, with what does exist', () => {
  const result = transpile('import { spwan } from "racecourse";\nspwan(() => 1);\n', modules);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.match(result.error.message, /no export named "spwan"/);
  assert.match(result.error.message, /spawn, Mutex/);
  assert.equal(result.error.line, 1);
});

test('the code frame puts a caret under the column', () => {
  assert.equal(codeFrame('a\nbcd\n', 2, 3), '2 | bcd\n  |   ^');
});

test('calls of lock methods are marked with their snippet line, and mean what they meant', () => {
  const source = [
    'const m = { lock() { return 1; }, withLock(f: () => number) { return f(); } };', // 1
    'let x = 0', // 2: no semicolon: the marker must not glue line 3 onto it
    'm.lock()', // 3
    'const r = m.withLock(() => m', // 4
    '  .lock());', // 5: a chain over two lines: the line of the method's name
    'const o: { lock?: () => number } | undefined = undefined;', // 6
    'o?.lock();', // 7: optional chain left alone
  ].join('\n');
  const result = transpile(source, modules);
  assert.ok(result.ok);
  const lines = result.code.split('\n');
  assert.equal(lines.length, 7);
  assert.equal(lines[2], '__rcL(3,m).lock()');
  assert.equal(lines[3], 'const r = __rcL(4,m).withLock(() => __rcL(5,m)');
  assert.equal(lines[6], 'o?.lock();');
  const seen: number[] = [];
  const scope = globalThis as unknown as Record<string, unknown>;
  scope.__rcL = (line: number, o: unknown) => (seen.push(line), o);
  const indirect = eval;
  try {
    assert.deepEqual(indirect(`(() => {${result.code}\nreturn [x, r];})()`), [0, 1]);
  } finally {
    delete scope.__rcL;
  }
  assert.deepEqual(seen, [3, 4, 5]);
});

test('nested lock calls on one receiver chain are marked inside out', () => {
  const result = transpile('const a = { lock() { return a; } };\na.lock().lock();\n', modules);
  assert.ok(result.ok);
  assert.equal(result.code.split('\n')[1], '__rcL(2,__rcL(2,a).lock()).lock();');
});
