/**
 * The `racecourse` module, as snippets import it:
 *
 *     import { spawn, Pool, Mutex, Semaphore, Channel, sleep, sleepSync, busy, cores, now, exploring } from "racecourse";
 *
 * Inside a spawned function (or a Pool's) these names are globals.
 */

export { spawn, Task } from './task.ts';
export { Pool } from './pool.ts';
export { Mutex } from './mutex.ts';
export { Semaphore } from './semaphore.ts';
export { Channel } from './channel.ts';
export { sleep, sleepSync, busy, cores, now } from './time.ts';
export { compute } from './compute.ts';
export { exploring } from './exploring.ts';
export { TerminatedError, WorkerLimitError } from '../core/errors.ts';
export type { SyncOptions } from './sync-object.ts';
export type { ChannelOptions } from './channel.ts';
