import { parseHostReply, typedPort, type DeadlockPolicy, type HostRequest, type RunBoot, type RunStart, type WorkerSource } from '../../shared/protocol/index.ts';
import { frameBootstrap } from './frame-bootstrap.ts';

/**
 * Where runs execute. A host starts a run worker for a run and ends it on
 * request; it never executes learner code on the page.
 *
 * - `FrameHost` (production): a hidden sandboxed, cross-origin-isolated
 *   iframe, in its own process. A worker that runs out of memory takes down
 *   that process only; the page notices the silence and reports it.
 * - `DirectHost` (dev, or where the frame cannot work): run workers are
 *   children of the page itself.
 *
 * Both keep one run worker booted ahead of need (`prepare`), with its hub and
 * its warm task workers: a run takes it, and a new one boots only when the
 * page prepares again (after the run, so booting never competes with a run
 * for the CPU). A run worker serves one run and is never reused, so each run
 * starts from fresh globals.
 */

export interface LaunchRequest {
  runId: number;
  code: string;
  pageUrl: string;
  deadlock: DeadlockPolicy;
  /** The page's core count, handed to every worker of the run. */
  cores: number;
  /** Task workers to start ahead of need, should this run have to boot its run worker. */
  warmTasks: number;
  port: MessagePort;
  /** The run worker failed to load or crashed. */
  onError(message: string): void;
  /** The host was torn down to end another run; this one ends with it. */
  onReset(): void;
}

export interface RunHost {
  /**
   * True when `stop(…, true)` ends every worker of the run at once (by ending
   * their process). Chromium's Worker.terminate() lets a busy worker run on
   * for up to about two seconds, and leaves busy nested workers running.
   */
  readonly killsProcess: boolean;
  /** Boots a run worker (and the frame, the first time) ahead of need, unless one is waiting. */
  prepare(warmTasks: number): Promise<void>;
  launch(request: LaunchRequest): Promise<void>;
  /** Ends the run's worker; `force` when its workers may be busy and must end now. */
  stop(runId: number, force: boolean): void;
  /** Forget a host whose process died: the next launch starts afresh. */
  reset(): void;
}

export interface WorkerSources {
  run: WorkerSource;
  hub: WorkerSource;
  task: WorkerSource;
}

function runStart(request: LaunchRequest): RunStart {
  return {
    type: 'run-start',
    runId: request.runId,
    code: request.code,
    pageUrl: request.pageUrl,
    port: request.port,
    deadlock: request.deadlock,
    cores: request.cores,
  };
}

export class DirectHost implements RunHost {
  readonly killsProcess = false;
  private readonly sources: WorkerSources;
  private readonly workers = new Map<number, Worker>();
  private spare: Worker | null = null;

  constructor(sources: WorkerSources) {
    this.sources = sources;
  }

  prepare(warmTasks: number): Promise<void> {
    // A page that is not (yet) isolated cannot run anything: the service worker is about to
    // reload it isolated, or the isolation banner says why runs cannot start. A run worker
    // booted now would only fail on its first SharedArrayBuffer.
    if (!self.crossOriginIsolated) return Promise.resolve();
    this.spare ??= this.boot(warmTasks);
    return Promise.resolve();
  }

  launch(request: LaunchRequest): Promise<void> {
    const worker = this.spare ?? this.boot(request.warmTasks);
    this.spare = null;
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      request.onError(event.message || 'the run worker failed to load');
    };
    typedPort<RunStart>(worker).send(runStart(request), [request.port]);
    this.workers.set(request.runId, worker);
    return Promise.resolve();
  }

  private boot(warmTasks: number): Worker {
    const worker = new Worker(this.sources.run.url, { type: this.sources.run.type, name: 'racecourse run' });
    const boot: RunBoot = { type: 'run-boot', hub: this.sources.hub, task: this.sources.task, warmTasks };
    typedPort<RunBoot>(worker).send(boot);
    return worker;
  }

  stop(runId: number): void {
    this.workers.get(runId)?.terminate();
    this.workers.delete(runId);
  }

  reset(): void {
    for (const runId of [...this.workers.keys()]) this.stop(runId);
    this.spare?.terminate();
    this.spare = null;
  }
}

export class FrameHost implements RunHost {
  private frame: HTMLIFrameElement | null = null;
  private ready: Promise<void> | null = null;
  private readonly loadCode: () => Promise<{ run: string; hub: string; task: string }>;
  private readonly active = new Map<number, LaunchRequest>();
  private readonly stopped = new Set<number>();
  /** Where runs go when this browser cannot isolate the frame (no SharedArrayBuffer there). */
  private readonly fallback: RunHost;
  private useFallback = false;

  constructor(loadCode: () => Promise<{ run: string; hub: string; task: string }>, fallback: RunHost) {
    this.loadCode = loadCode;
    this.fallback = fallback;
    addEventListener('message', (event: MessageEvent) => {
      if (!this.frame || event.source !== this.frame.contentWindow) return;
      const parsed = parseHostReply(event.data);
      if (parsed.ok && parsed.value.type === 'host-worker-error')
        this.active.get(parsed.value.runId)?.onError(parsed.value.message);
    });
  }

  get killsProcess(): boolean {
    return !this.useFallback;
  }

  async prepare(warmTasks: number): Promise<void> {
    await this.ensure();
    if (this.useFallback) return this.fallback.prepare(warmTasks);
    this.post({ type: 'host-prepare', warmTasks });
  }

  async launch(request: LaunchRequest): Promise<void> {
    await this.ensure();
    if (this.useFallback) return this.fallback.launch(request);
    if (this.stopped.has(request.runId)) return;
    this.active.set(request.runId, request);
    this.post({ type: 'host-run', runId: request.runId, start: runStart(request), warmTasks: request.warmTasks }, [request.port]);
  }

  stop(runId: number, force: boolean): void {
    if (this.useFallback) return this.fallback.stop(runId, force);
    this.stopped.add(runId);
    const wasActive = this.active.delete(runId);
    if (force && wasActive) {
      // Removing the frame ends its process, and with it every thread of the
      // run at once. Other runs in the frame end too; a fresh frame is
      // prepared for the next run.
      const others = [...this.active.values()];
      this.reset();
      for (const other of others) other.onReset();
    } else {
      this.post({ type: 'host-stop', runId });
    }
  }

  reset(): void {
    this.frame?.remove();
    this.frame = null;
    this.ready = null;
    this.active.clear();
  }

  private post(message: HostRequest, transfer: Transferable[] = []): void {
    // The frame's origin is opaque: '*' is the only target origin that reaches it.
    this.frame?.contentWindow?.postMessage(message, '*', transfer);
  }

  private ensure(): Promise<void> {
    this.ready ??= this.open().catch((error: unknown) => {
      this.reset();
      throw error;
    });
    return this.ready;
  }

  private async open(): Promise<void> {
    const code = await this.loadCode();
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('allow', 'cross-origin-isolated');
    frame.setAttribute('aria-hidden', 'true');
    frame.setAttribute('title', 'Racecourse runtime');
    frame.tabIndex = -1;
    // Not display:none: a hidden frame's timers may be throttled.
    frame.style.cssText = 'position:fixed;left:0;top:0;width:0;height:0;border:0;opacity:0;pointer-events:none;';
    frame.srcdoc = `<!doctype html><meta charset="utf-8"><script>(${frameBootstrap.toString()})();</script>`;
    const loaded = this.waitFor(frame, 'host-loaded');
    document.body.append(frame);
    this.frame = frame;
    const isolated = await loaded;
    if (!isolated) {
      // Without isolation in the frame (browsers that do not isolate sandboxed frames), run on the page.
      this.useFallback = true;
      frame.remove();
      this.frame = null;
      return;
    }
    const ready = this.waitFor(frame, 'host-ready');
    this.post({ type: 'host-init', code });
    await ready;
  }

  /** Resolves when the frame says `type`; with `isolated` for host-loaded. */
  private waitFor(frame: HTMLIFrameElement, type: 'host-loaded' | 'host-ready'): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        removeEventListener('message', listener);
        reject(new Error('The runtime frame did not start.'));
      }, 15_000);
      const listener = (event: MessageEvent) => {
        if (event.source !== frame.contentWindow) return;
        const parsed = parseHostReply(event.data);
        if (parsed.ok && parsed.value.type === type) {
          clearTimeout(timer);
          removeEventListener('message', listener);
          resolve(parsed.value.type === 'host-loaded' ? parsed.value.isolated : true);
        }
      };
      addEventListener('message', listener);
    });
  }
}
