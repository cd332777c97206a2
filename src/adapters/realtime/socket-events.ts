/**
 * The server's side of the socket contract: what it keeps per socket, its rooms and how it reads
 * a client's arguments. The contract itself (events, payloads, schemas) is shared with the window
 * in src/contract/ and re-exported here for the server's modules.
 */
export * from '@/contract/socket-events';
export * from '@/contract/socket-payloads.schema';
export { windowCallViewSchema, type WindowCallView, type WrapUpView } from '@/contract/call-view.schema';

/**
 * A client decides how many arguments an event carries. Socket.IO appends the ack callback as the
 * last one, so it is looked for there (a missing payload would otherwise take its place, and
 * calling a non-function would crash the process). `Answer`: the event's acknowledgement in the
 * contract, so what the server replies is checked against it.
 */
export function payloadAndAck<Answer = unknown>(args: readonly unknown[]): { payload: unknown; reply: (answer: Answer) => void } {
  const last = args[args.length - 1];
  if (typeof last !== 'function') return { payload: args[0], reply: () => undefined };
  return { payload: args.length > 1 ? args[0] : undefined, reply: last as (answer: Answer) => void };
}

export interface InterServerEvents {
  ping: () => void;
}

/** What the server keeps on each authenticated socket (`socket.data`); shared across instances by the Redis adapter. */
export interface SocketData {
  companyId: number;
  userId: number;
  name: string;
  email: string;
  expiresAt: number;
  /** The tab id from `auth.windowId`, or the socket id when the window sent none. */
  windowId: string;
}

export const companyRoom = (companyId: number) => `company:${companyId}`;
export const userRoom = (companyId: number, userId: number) => `user:${companyId}:${userId}`;
/** One window (tab) of a user: lets "stop ringing" spare exactly the tab that answered. */
export const windowRoom = (companyId: number, userId: number, windowId: string) => `window:${companyId}:${userId}:${windowId}`;
