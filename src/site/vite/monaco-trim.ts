import type { Plugin } from 'vite';

/**
 * Monaco 0.55+ ships `internal/common/workers.js` (the `createWebWorker` that
 * its TypeScript support uses) with a side-effect import of every editor
 * contribution: code lens, folding, colour pickers, sticky scroll, inline
 * completions, GPU rendering… (microsoft/monaco-editor#5162). Importing the
 * TypeScript language would pull all of them into the editor's chunks, and the
 * features the editor chose (src/runtime/editor/monaco-editor.ts) would no
 * longer be a choice. This plugin drops those side-effect imports from that one
 * file; the imports it uses (`editor` from editor.api.js) stay.
 */
const WORKERS = /[\\/]monaco-editor[\\/]esm[\\/]vs[\\/]internal[\\/]common[\\/]workers\.js$/;
const CONTRIBUTION_IMPORT = /^import '\.\.\/\.\.\/(?:editor|base|platform)\/[^']+';\r?\n/gm;

export function monacoTrimPlugin(): Plugin {
  return {
    name: 'racecourse:monaco-trim',
    enforce: 'pre',
    transform(code, id) {
      if (!WORKERS.test(id)) return null;
      return { code: code.replace(CONTRIBUTION_IMPORT, ''), map: null };
    },
  };
}
