import type { Plugin } from 'vite';

/**
 * Monaco's modules import their own `.css` files. Left to Vite, that CSS would
 * become a stylesheet of the editor's chunk, and Astro copies the CSS of
 * dynamically imported modules into every page's <head> (withastro/astro#9495):
 * render-blocking editor CSS on every lesson. This plugin turns each of those
 * imports into a tiny module that hands the file's CSS (processed and minified
 * by Vite, as `?inline`; the codicon font stays a file, fetched only when an
 * icon shows) to one <style data-monaco-css> element. So the editor's CSS
 * travels inside the editor's own chunks, only for the Monaco modules the
 * editor imports, and is in place before the editor is created.
 */
const PREFIX = '\0racecourse:monaco-css:';
const SUFFIX = '.mjs';
const SINK = '\0racecourse:monaco-css-sink';

/**
 * One <style> for all of Monaco's CSS. The modules of a chunk run in one go, so
 * their CSS is gathered and written once, in a microtask, rather than
 * re-parsing a growing sheet for every file.
 */
const SINK_CODE = `
const pending = [];
let style;
function flush() {
  if (!style) {
    style = document.createElement('style');
    style.dataset.monacoCss = '';
    document.head.append(style);
  }
  style.append(pending.join('\\n'));
  pending.length = 0;
}
export function addCss(css) {
  if (pending.push(css) === 1) queueMicrotask(flush);
}
`;

export function monacoCssPlugin(): Plugin {
  return {
    name: 'racecourse:monaco-css',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source === SINK) return SINK;
      if (!source.endsWith('.css') || !importer || importer.startsWith(PREFIX)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (!resolved || resolved.external || !/[\\/]monaco-editor[\\/]/.test(resolved.id)) return null;
      // Its id must not end in .css, or Vite would treat the module as CSS.
      return `${PREFIX}${resolved.id}${SUFFIX}`;
    },
    load(id) {
      if (id === SINK) return SINK_CODE;
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -SUFFIX.length);
      return `import css from ${JSON.stringify(`${file}?inline`)};\nimport { addCss } from ${JSON.stringify(SINK)};\naddCss(css);\n`;
    },
  };
}
