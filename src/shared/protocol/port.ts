/**
 * Every send of the runtime's own protocol goes through a typed port, so a
 * message that does not match its boundary's union does not compile
 * (`postMessage` itself takes `any`). Works for MessagePorts and Workers.
 */

interface PostTarget {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export interface TypedPort<Out> {
  send(message: Out, transfer?: Transferable[]): void;
}

export function typedPort<Out>(target: PostTarget): TypedPort<Out> {
  return { send: (message, transfer = []) => target.postMessage(message, transfer) };
}
