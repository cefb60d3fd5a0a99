import { spawn, Task } from './task.ts';
import { Pool } from './pool.ts';
import { Mutex } from './mutex.ts';
import { Semaphore } from './semaphore.ts';
import { Channel } from './channel.ts';
import { sleep, sleepSync, busy, cores, now } from './time.ts';
import { TerminatedError, WorkerLimitError } from './errors.ts';
import { compute } from './compute.ts';

/**
 * Every export of the racecourse module by name: what a snippet's
 * `import … from "racecourse"` resolves to, and the globals of a task.
 * Kept out of index.ts so the module's declared surface is only its API.
 */
export const racecourseExports: Readonly<Record<string, unknown>> = Object.freeze({
  spawn,
  Task,
  Pool,
  Mutex,
  Semaphore,
  Channel,
  sleep,
  sleepSync,
  busy,
  compute,
  cores,
  now,
  TerminatedError,
  WorkerLimitError,
});
