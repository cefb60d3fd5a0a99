import type { HubInit, SpawnRequest, TaskInit, WorkerSource } from '../../../shared/protocol/index.ts';
import { original } from '../../core/context.ts';

/**
 * Task workers for the hub, started ahead of need: `warm` of them when the
 * run worker boots (the run's core count, bounded), so that spawning up to
 * that many tasks at once hands each a worker that is already running its
 * script. When the last spare is taken, one more is started, so a later
 * spawn rarely waits for a worker to boot either. taskInit() is the start
 * message that hands a spare its task.
 */
export class TaskStarter {
  private readonly source: WorkerSource;
  private readonly spares: Worker[] = [];
  private closed = false;
  private refilling = false;

  constructor(source: WorkerSource, warm: number) {
    this.source = source;
    for (let i = 0; i < Math.max(1, warm); i++) this.prepare();
  }

  /** A spare, or a new worker; throws when none can be started. */
  take(): Worker {
    const worker = this.spares.shift() ?? this.start();
    // One spare again once this task has its start message (in a burst of
    // spawns, one in all: the burst starts its own workers).
    if (this.spares.length === 0 && !this.refilling) {
      this.refilling = true;
      original.setTimeout(() => {
        this.refilling = false;
        if (this.spares.length === 0) this.prepare();
      }, 0);
    }
    return worker;
  }

  /** The run is over: end the spares and start no more. */
  close(): void {
    this.closed = true;
    for (const spare of this.spares.splice(0)) spare.terminate();
  }

  private prepare(): void {
    if (this.closed) return;
    try {
      this.spares.push(this.start());
    } catch {
      /* the browser refused another worker: the next take() says so */
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
    environment: run.environment,
    ...(request.fn ? { fn: request.fn } : {}),
  };
}
