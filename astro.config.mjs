// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { codeThemes } from './src/shared/code-themes.ts';
import { monacoCssPlugin } from './src/site/vite/monaco-css.ts';
import { monacoTrimPlugin } from './src/site/vite/monaco-trim.ts';
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

/**
 * What the site needs and no more. Why each exception:
 * - script-src 'unsafe-inline': the theme is set by an inline script before first paint, and the
 *   runtime's sandboxed frame starts from an inline srcdoc script;
 * - script-src 'unsafe-eval' and blob:: running the learner's code is the point of the site; it
 *   runs in workers started from blob: URLs (workers inherit this policy);
 * - style-src 'unsafe-inline': Monaco and the timeline position elements with style attributes;
 * - data: for fonts and images inside Monaco's stylesheet.
 * Nothing is loaded from another origin. The same policy is in public/_headers and vercel.json
 * (e2e/site/headers.spec.ts keeps them in step).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export const siteHeaders = { ...isolationHeaders, 'Content-Security-Policy': contentSecurityPolicy };

export default defineConfig({
  site: 'https://racecourse.example',
  trailingSlash: 'always',
  integrations: [mdx()],
  server: { port: 4321, host: 'localhost', headers: siteHeaders },
  vite: {
    plugins: [monacoCssPlugin(), monacoTrimPlugin(), racecourseDeclarationsPlugin()],
    // Classic (iife) workers: the runtime starts its workers inside a sandboxed
    // frame with an opaque origin, where module workers from blob URLs fail.
    worker: { format: 'iife' },
  },
  markdown: {
    shikiConfig: {
      // Both themes are emitted as CSS variables; src/styles/global.css picks one.
      themes: codeThemes,
      defaultColor: false,
    },
  },
});
