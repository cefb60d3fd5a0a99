import type { MessageKind } from '../../shared/protocol/index.ts';
import type { WorkerContext } from './context.ts';

/**
 * The message chart's records: the receiving lane records each message it
 * gets from another lane (the sender stamped it with its lane id and the send
 * time), because only the receiver knows when it arrived. The first
 * LIMITS.messages of a run become `message` records; later ones only bump
 * the run-wide counter (one atomic add), so a flood of a million channel
 * items costs the ring nothing and the hub reports how many were left out.
 */
export function recordMessage(ctx: WorkerContext, from: number, sent: number, kind: MessageKind, via?: string): void {
  if (from < 0 || from === ctx.id || !ctx.control.claimMessage()) return;
  ctx.emit({ k: 'message', t: ctx.now(), sent, from, kind, ...(via === undefined ? {} : { via }) });
}
