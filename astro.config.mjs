// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { monacoCssPlugin } from './src/site/vite/monaco-css.ts';
import { racecourseDeclarationsPlugin } from './src/site/vite/racecourse-declarations.ts';

/**
 * Cross-origin isolation: without these three headers the browser hides
 * SharedArrayBuffer, and every lesson about shared memory stops working.
 * `server.headers` applies to both `astro dev` and `astro preview`, on every
 * response (pages, /_astro/*.js, worker scripts).
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export default defineConfig({
  site: 'https://racecourse.example',
  trailingSlash: 'always',
  integrations: [mdx()],
  server: { port: 4321, host: 'localhost', headers: isolationHeaders },
  vite: {
    plugins: [monacoCssPlugin(), racecourseDeclarationsPlugin()],
    // Classic (iife) workers: the runtime starts its workers inside a sandboxed
    // frame with an opaque origin, where module workers from blob URLs fail.
    worker: { format: 'iife' },
  },
  markdown: {
    shikiConfig: {
      // Both themes are emitted as CSS variables; src/styles/global.css picks one.
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
    },
  },
});
