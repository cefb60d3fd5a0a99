import type { HubInit, SpawnRequest, TaskInit, WorkerSource } from '../../../shared/protocol/index.ts';
import { original } from '../../core/context.ts';

/**
 * Task workers for the hub, one started ahead of need: spawn() hands the
 * spare its task at once, so a spawn rarely waits for a worker to boot;
 * taskInit() is the start message that hands it.
 */
export class TaskStarter {
  private readonly source: WorkerSource;
  private spare: Worker | null = null;
  private closed = false;

  constructor(source: WorkerSource) {
    this.source = source;
    this.prepare();
  }

  /** The spare, or a new worker; throws when none can be started. */
  take(): Worker {
    const worker = this.spare ?? this.start();
    this.spare = null;
    // The next spare starts once this task has its start message.
    original.setTimeout(() => this.prepare(), 0);
    return worker;
  }

  /** The run is over: end the spare and start no more. */
  close(): void {
    this.closed = true;
    this.spare?.terminate();
    this.spare = null;
  }

  private prepare(): void {
    if (this.closed || this.spare) return;
    try {
      this.spare = this.start();
    } catch {
      this.spare = null;
    }
  }

  private start(): Worker {
    return new Worker(this.source.url, { type: this.source.type, name: 'racecourse task' });
  }
}

/** A task worker's start message: the spawn request, the run's shared parts, and the task's own ring and port to the hub. */
export function taskInit(run: HubInit, request: SpawnRequest, ring: SharedArrayBuffer, hubPort: MessagePort): TaskInit {
  return {
    type: 'task-init',
    runId: run.runId,
    id: request.id,
    name: request.name,
    control: run.control,
    ring,
    hubPort,
    spawnerPort: request.port,
    snippet: run.snippet,
    pageUrl: run.pageUrl,
    pool: request.pool,
    args: request.args,
    ...(request.fn ? { fn: request.fn } : {}),
  };
}
