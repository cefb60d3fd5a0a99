/**
 * Same-origin fetch on behalf of a run: its frame has an opaque origin, so
 * the page fetches for it and answers on the port the request came with.
 * Only the page's own origin can be reached this way.
 */
import { typedPort, type FetchReply, type FetchRequest } from '../../shared/protocol/index.ts';

export async function fetchForRun(request: FetchRequest, reply: MessagePort): Promise<void> {
  let answer: FetchReply;
  const transfer: Transferable[] = [];
  try {
    const url = new URL(request.url);
    if (url.origin !== location.origin) throw new Error('only same-origin URLs can be fetched from a snippet');
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      ...(request.body ? { body: request.body } : {}),
    });
    const body = await response.arrayBuffer();
    transfer.push(body);
    answer = {
      type: 'fetch-reply',
      ok: true,
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
      body,
    };
  } catch (error) {
    answer = { type: 'fetch-reply', ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  typedPort<FetchReply>(reply).send(answer, transfer);
  reply.close();
}
