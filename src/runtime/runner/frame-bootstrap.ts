/**
 * The script of the host frame, as a function whose source is inlined into
 * the frame's `srcdoc`: it must not refer to anything outside itself.
 *
 * The frame is sandboxed (`allow-scripts` only), which gives it an opaque
 * origin; Chromium puts such frames in their own process, so a worker that
 * exhausts memory crashes the frame's process, not the page. It is
 * cross-origin isolated (`allow="cross-origin-isolated"`), so its workers
 * have SharedArrayBuffer. With an opaque origin it cannot load the site's
 * scripts itself: the page sends it the workers' code, and it starts them
 * from blob: URLs as classic workers (module workers from blob: URLs fail
 * in an opaque origin).
 */
export function frameBootstrap(): void {
  const urls: Record<string, string> = {};
  const runs = new Map<number, Worker>();
  const reply = (message: unknown) => parent.postMessage(message, '*');
  addEventListener('message', (event: MessageEvent) => {
    if (event.source !== parent) return;
    const message = event.data as { type?: unknown; runId?: unknown; code?: Record<string, unknown>; start?: Record<string, unknown> };
    if (typeof message !== 'object' || message === null) return;
    if (message.type === 'host-init' && message.code) {
      for (const role of ['run', 'hub', 'task']) {
        const code = message.code[role];
        if (typeof code === 'string') urls[role] = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      }
      reply({ type: 'host-ready' });
    } else if (message.type === 'host-run' && typeof message.runId === 'number' && message.start && urls.run) {
      const runId = message.runId;
      const worker = new Worker(urls.run, { name: `racecourse run ${runId}` });
      worker.onerror = (error: ErrorEvent) => {
        error.preventDefault();
        reply({ type: 'host-worker-error', runId, message: String(error.message || 'the run worker failed') });
      };
      const start: Record<string, unknown> = {
        ...message.start,
        hub: { url: urls.hub, type: 'classic' },
        task: { url: urls.task, type: 'classic' },
      };
      worker.postMessage(start, [start.port as MessagePort]);
      runs.set(runId, worker);
    } else if (message.type === 'host-stop' && typeof message.runId === 'number') {
      runs.get(message.runId)?.terminate();
      runs.delete(message.runId);
    }
  });
  reply({ type: 'host-loaded', isolated: self.crossOriginIsolated && typeof SharedArrayBuffer === 'function' });
}
