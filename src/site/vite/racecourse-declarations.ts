import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * `virtual:racecourse-declarations`: the type declarations of the
 * `racecourse` module, generated from the runtime's own source at build time,
 * so the editor's completions and type checks can never drift from what Run
 * executes. Exports `{ [path]: text }`, paths relative to a virtual
 * `node_modules/racecourse/` folder whose package.json points at the entry.
 */
const VIRTUAL_ID = 'virtual:racecourse-declarations';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

const srcDir = fileURLToPath(new URL('../../', import.meta.url));
export const racecourseEntry = fileURLToPath(new URL('../../runtime/racecourse/index.ts', import.meta.url));

export function generateRacecourseDeclarations(entry = racecourseEntry): Record<string, string> {
  const files: Record<string, string> = {};
  const program = ts.createProgram([entry], {
    declaration: true,
    emitDeclarationOnly: true,
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.webworker.d.ts'],
    strict: true,
    skipLibCheck: true,
    types: [],
  });
  program.emit(undefined, (fileName, text) => {
    const path = relative(srcDir, fileName).replaceAll('\\', '/');
    // Relative specifiers keep their .ts extension in declarations; point them at the .d.ts files.
    files[path] = text.replace(/(from\s+['"]\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1.js$2');
  });
  const main = relative(srcDir, entry).replace(/\.ts$/, '.d.ts').replaceAll('\\', '/');
  if (!files[main]) throw new Error(`No declarations were emitted for ${entry}.`);
  files['package.json'] = JSON.stringify({ name: 'racecourse', types: main });
  return files;
}

export function racecourseDeclarationsPlugin(): Plugin {
  return {
    name: 'racecourse:declarations',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      // Rebuild when the module or the core it declares types from changes in dev.
      for (const folder of ['racecourse', 'core']) {
        for (const file of ts.sys.readDirectory(join(dirname(dirname(racecourseEntry)), folder), ['.ts'])) this.addWatchFile(file);
      }
      return `export const racecourseDeclarations = ${JSON.stringify(generateRacecourseDeclarations())};`;
    },
  };
}
