/**
 * The last build step (`npm run build`, after Pagefind has written its index):
 * bundles src/runtime/offline/service-worker.ts into dist/sw.js with the list
 * of files to cache at install — every page, script, style and search file of
 * the course, but not the editor's large bundles (over 512 KB), which are
 * cached when a learner first opens the editor.
 *
 *     node src/site/write-service-worker.ts [dist]
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const PRECACHE_LIMIT = 512 * 1024;
const SKIP = new Set(['sw.js', '_headers']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function precacheList(root: string): string[] {
  return files(root)
    .filter((path) => statSync(path).size <= PRECACHE_LIMIT)
    .map((path) => relative(root, path).replaceAll('\\', '/'))
    .filter((path) => !SKIP.has(path) && !path.startsWith('dev/'))
    .map((path) => `/${path.replace(/(^|\/)index\.html$/, '$1')}`)
    .sort();
}

export function writeServiceWorker(root: string): number {
  const precache = precacheList(root);
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL('../runtime/offline/service-worker.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    define: { __PRECACHE__: JSON.stringify(precache), __VERSION__: JSON.stringify(Date.now().toString(36)) },
  });
  writeFileSync(join(root, 'sw.js'), result.outputFiles[0]!.text);
  return precache.length;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? 'dist');
  console.log(`sw.js: ${writeServiceWorker(root)} files to cache at install`);
}
