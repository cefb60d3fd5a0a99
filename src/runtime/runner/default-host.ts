import runWorkerUrl from '../worker/run-worker.ts?worker&url';
import hubWorkerUrl from '../worker/hub-worker.ts?worker&url';
import taskWorkerUrl from '../worker/task-worker.ts?worker&url';
import { DirectHost, FrameHost, type RunHost } from './hosts.ts';

/**
 * The host runs use unless told otherwise: one per page, shared by every
 * runner on it. In a production build the three worker bundles are single
 * classic scripts, which the sandboxed frame starts from their text; under
 * `astro dev` Vite serves them as modules, so runs start on the page itself.
 */

export type HostKind = 'frame' | 'direct';

let shared: { kind: HostKind; host: RunHost } | null = null;

export function defaultHostKind(): HostKind {
  return import.meta.env.DEV ? 'direct' : 'frame';
}

export function hostFor(kind: HostKind = defaultHostKind()): RunHost {
  if (shared?.kind === kind) return shared.host;
  const host = kind === 'frame' ? new FrameHost(loadWorkerCode, new DirectHost(moduleSources())) : new DirectHost(moduleSources());
  shared = { kind, host };
  return host;
}

function moduleSources(type: 'module' | 'classic' = import.meta.env.DEV ? 'module' : 'classic') {
  return {
    run: { url: runWorkerUrl, type },
    hub: { url: new URL(hubWorkerUrl, location.href).href, type },
    task: { url: new URL(taskWorkerUrl, location.href).href, type },
  } as const;
}

/** A real import/export of a bundle starts a line (strings that mention one are indented or escaped). */
const MODULE_SYNTAX = /^(?:import\s*[\w{*'"]|export\s*[{*]|export\s+(?:default|const|let|var|function|class|async)\b)/m;

let code: Promise<{ run: string; hub: string; task: string }> | null = null;

function loadWorkerCode(): Promise<{ run: string; hub: string; task: string }> {
  code ??= Promise.all([runWorkerUrl, hubWorkerUrl, taskWorkerUrl].map(fetchText))
    .then(([run = '', hub = '', task = '']) => {
      // The frame starts classic scripts; a bundle split into ES modules cannot run there.
      if ([run, hub, task].some((text) => MODULE_SYNTAX.test(text)))
        throw new Error('The runtime workers were bundled as ES modules with imports; set Vite worker.format to "iife".');
      return { run, hub, task };
    })
    .catch((error: unknown) => {
      code = null;
      throw error;
    });
  return code;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the runtime (${url}: ${response.status}).`);
  return response.text();
}
