import { z } from 'zod';

/**
 * The Socket.IO contract between the server and the floating window, declared once. Types help
 * at compile time; the zod schemas check every payload a client sends at runtime.
 * Event names are `noun:verb`.
 */

export const SOCKET_PATH = '/socket.io';

export const readyPayloadSchema = z.object({
  user: z.object({ id: z.number().int(), name: z.string() }),
  company: z.object({ id: z.number().int() }),
});
export type ReadyPayload = z.infer<typeof readyPayloadSchema>;

export const sessionExpiredPayloadSchema = z.object({ reason: z.enum(['expired', 'disconnected']) });
export type SessionExpiredPayload = z.infer<typeof sessionExpiredPayloadSchema>;

export const agentAvailabilityPayloadSchema = z.object({ available: z.boolean() });
export type AgentAvailabilityPayload = z.infer<typeof agentAvailabilityPayloadSchema>;

/** Acknowledgement for client→server events. */
export type Ack = (result: { ok: true } | { ok: false; error: { code: string; message: string } }) => void;

export interface ServerToClientEvents {
  /** Sent once after the connection was authenticated and joined its rooms. */
  ready: (payload: ReadyPayload) => void;
  /** The session behind this connection lapsed; the window renews it and reconnects. */
  'session:expired': (payload: SessionExpiredPayload) => void;
}

export interface ClientToServerEvents {
  /** The agent is (not) available to take inbound calls. */
  'agent:set-availability': (payload: AgentAvailabilityPayload, ack?: Ack) => void;
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
  available: boolean;
  expiresAt: number;
}

/** Handshake errors carry one of these codes in `err.message` (and `err.data.code`). */
export const SOCKET_AUTH_ERRORS = ['SESSION_REQUIRED', 'SESSION_EXPIRED', 'TOKEN_INVALID', 'ACCOUNT_NOT_INSTALLED', 'ACCOUNT_DISCONNECTED', 'ORIGIN_NOT_ALLOWED'] as const;
export type SocketAuthError = (typeof SOCKET_AUTH_ERRORS)[number];

export const companyRoom = (companyId: number) => `company:${companyId}`;
export const userRoom = (companyId: number, userId: number) => `user:${companyId}:${userId}`;
