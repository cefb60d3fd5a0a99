import { LIMITS } from '../../shared/protocol/index.ts';

/**
 * The two `system` lines of the output cap, in one place: the workers print
 * the first, and both the hub (at a run's end) and the page (when it ends a
 * run itself) print the second.
 */

export function outputCapNotice(): string {
  return `Output limit reached: only the first ${LIMITS.outputLines.toLocaleString('en-US')} lines are shown; later lines are counted and dropped.`;
}

export function droppedLinesNotice(dropped: number): string {
  return `${dropped.toLocaleString('en-US')} more line${dropped === 1 ? ' was' : 's were'} dropped (output limit: ${LIMITS.outputLines.toLocaleString('en-US')} lines).`;
}
