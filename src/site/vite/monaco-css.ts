import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Monaco's modules import their own `.css` files. Astro copies the CSS of
 * dynamically imported modules into every page's <head> (withastro/astro#9495),
 * which would put ~175 KB of render-blocking editor CSS on every lesson. This
 * plugin turns those imports into no-ops; the editor adds a <link> to Monaco's
 * prebuilt stylesheet (the `monaco-editor-css` alias) when it opens.
 */
const NOOP_ID = '\0racecourse:monaco-css-noop';

export function monacoCssPlugin(): Plugin {
  // The real path: Vite resolves through symlinks (a linked node_modules), and so must we.
  const prebuilt = realpathSync(
    fileURLToPath(new URL('../../../node_modules/monaco-editor/min/vs/editor/editor.main.css', import.meta.url)),
  );
  return {
    name: 'racecourse:monaco-css',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'monaco-editor-css?url') return `${prebuilt}?url`;
      if (!source.endsWith('.css') || !importer?.includes('monaco-editor')) return null;
      // One empty module for all of them; its id must not end in .css, or Vite would parse it as CSS.
      return NOOP_ID;
    },
    load(id) {
      return id === NOOP_ID ? 'export {};' : null;
    },
  };
}
