import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The runtime's layers point one way (see README.md, "Layers"): a folder may
 * import from its own folder, from src/shared, and from folders of a lower
 * rank, never from a higher one. That rules out cycles between folders too.
 * A new folder must be given a rank here.
 */
const RANK: Record<string, number> = {
  core: 1, // what every runtime thread shares
  racecourse: 2, // the public module: classes and a barrel
  worker: 3, // the entry points of the run's workers, and the hub
  explorer: 3, // planned (design/architecture.md): the interleaving explorer, beside worker
  runner: 4, // the page's side of a run
  views: 5,
  editor: 5,
  widgets: 5,
  search: 5,
  offline: 5,
  playground: 6,
  progress: 7,
  exercise: 8,
};

const RUNTIME = dirname(new URL(import.meta.url).pathname);
const SRC = resolve(RUNTIME, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  return [...code.matchAll(SPECIFIER)].map((m) => m[1]!);
}

const folderOf = (path: string) => relative(RUNTIME, path).split(/[\\/]/)[0]!;

test('every runtime folder has a rank', () => {
  const folders = readdirSync(RUNTIME).filter((name) => statSync(join(RUNTIME, name)).isDirectory());
  for (const folder of folders) assert.ok(folder in RANK, `src/runtime/${folder} needs a rank in layers.test.ts`);
});

test('runtime folders import only from their own layer downwards, and never from the site', () => {
  const wrong: string[] = [];
  for (const file of sources(RUNTIME)) {
    const from = folderOf(file);
    for (const specifier of importsOf(file)) {
      const where = relative(SRC, file);
      if (specifier.startsWith('astro:')) wrong.push(`${where} imports ${specifier}`);
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier.replace(/\?.*$/, ''));
      const inSrc = relative(SRC, target);
      if (inSrc.startsWith('shared/')) continue;
      if (!inSrc.startsWith('runtime/')) {
        wrong.push(`${where} imports ${inSrc} (outside src/runtime and src/shared)`);
        continue;
      }
      const to = folderOf(target);
      if (to === from) continue;
      if (!((RANK[to] ?? Infinity) < (RANK[from] ?? -Infinity))) wrong.push(`${where} (${from}) imports ${inSrc} (${to})`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('src/shared imports nothing from the runtime or the site', () => {
  const shared = join(SRC, 'shared');
  for (const file of sources(shared)) {
    for (const specifier of importsOf(file)) {
      if (!specifier.startsWith('.')) continue;
      const inSrc = relative(SRC, resolve(dirname(file), specifier));
      assert.ok(inSrc.startsWith('shared/'), `${relative(SRC, file)} imports ${inSrc}`);
    }
  }
});
