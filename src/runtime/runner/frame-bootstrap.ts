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
 *
 * It keeps at most one run worker booted ahead of need (`host-prepare`): a
 * run takes it, and the next is booted only when the page asks again (after
 * the run, so that booting never competes with a run for the CPU).
 */
export function frameBootstrap(): void {
  const urls: Record<string, string> = {};
  const runs = new Map<number, Worker>();
  let spare: Worker | null = null;
  const reply = (message: unknown) => parent.postMessage(message, '*');
  const boot = (warmTasks: number): Worker => {
    const worker = new Worker(urls.run!, { name: 'racecourse run' });
    worker.postMessage({
      type: 'run-boot',
      hub: { url: urls.hub, type: 'classic' },
      task: { url: urls.task, type: 'classic' },
      warmTasks,
    });
    return worker;
  };
  addEventListener('message', (event: MessageEvent) => {
    if (event.source !== parent) return;
    const message = event.data as { type?: unknown; runId?: unknown; warmTasks?: unknown; code?: Record<string, unknown>; start?: Record<string, unknown> };
    if (typeof message !== 'object' || message === null) return;
    const warmTasks = typeof message.warmTasks === 'number' ? message.warmTasks : 1;
    if (message.type === 'host-init' && message.code) {
      for (const role of ['run', 'hub', 'task']) {
        const code = message.code[role];
        if (typeof code === 'string') urls[role] = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      }
      reply({ type: 'host-ready' });
    } else if (message.type === 'host-prepare' && urls.run) {
      spare ??= boot(warmTasks);
    } else if (message.type === 'host-run' && typeof message.runId === 'number' && message.start && urls.run) {
      const runId = message.runId;
      const worker = spare ?? boot(warmTasks);
      spare = null;
      worker.onerror = (error: ErrorEvent) => {
        error.preventDefault();
        reply({ type: 'host-worker-error', runId, message: String(error.message || 'the run worker failed') });
      };
      worker.postMessage(message.start, [message.start.port as MessagePort]);
      runs.set(runId, worker);
    } else if (message.type === 'host-stop' && typeof message.runId === 'number') {
      runs.get(message.runId)?.terminate();
      runs.delete(message.runId);
    }
  });
  reply({ type: 'host-loaded', isolated: self.crossOriginIsolated && typeof SharedArrayBuffer === 'function' });
}
