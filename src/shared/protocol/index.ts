import { parser } from '../schema.ts';
import { hostReply, runWorkerMessage } from './host.ts';
import { hubInit, hubRequest, hubToMain } from './hub.ts';
import { ringEvent } from './ring.ts';
import { fetchReply, runReport, runnerRequest } from './run-report.ts';
import { spawnerToTask, taskInit, taskToSpawner } from './task.ts';

/**
 * The whole message protocol of a run, by boundary:
 *
 *   page (runner) ⇄ host frame ⇄ run worker ⇄ hub worker ⇄ task workers
 *
 * events.ts (what the page sees) · host.ts · run-report.ts · hub.ts · task.ts
 * · ring.ts · limits.ts. Every message is a tagged union member written once,
 * as a schema (../schema.ts); its type is inferred from it. Every message that
 * answers or refers to another carries an id (`runId`, task `id`, `jobId`,
 * `token`). Each receiver checks what it got with the `parse…` validator for
 * its union before trusting it; a message that fails is reported as a
 * `system` line (see `describeProblem`), never acted on. Senders go through
 * `typedPort` (port.ts).
 */

export * from './events.ts';
export type * from './host.ts';
export type * from './hub.ts';
export type * from './ring.ts';
export type * from './run-report.ts';
export type * from './task.ts';
export { WAIT_KINDS } from './ring.ts';
export { LIMITS } from './limits.ts';
export { typedPort, type TypedPort } from './port.ts';
export type { Parsed } from '../schema.ts';

export const parseHostReply = parser(hostReply, 'host reply');
export const parseRunWorkerMessage = parser(runWorkerMessage, 'run worker message');
export const parseRunReport = parser(runReport, 'run report');
export const parseRunnerRequest = parser(runnerRequest, 'runner request');
export const parseHubRequest = parser(hubRequest, 'hub request');
export const parseHubToMain = parser(hubToMain, 'hub message');
export const parseHubInit = parser(hubInit, 'hub init');
export const parseTaskInit = parser(taskInit, 'task init');
export const parseTaskToSpawner = parser(taskToSpawner, 'task message');
export const parseSpawnerToTask = parser(spawnerToTask, 'spawner message');
export const parseFetchReply = parser(fetchReply, 'fetch reply');
export const parseRingEvent = parser(ringEvent, 'ring record');

/** The `system` line for a message that failed validation. */
export function describeProblem(problem: string): string {
  return `Runtime: ignored an invalid internal message (${problem}).`;
}
