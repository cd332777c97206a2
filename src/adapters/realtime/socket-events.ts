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

/**
 * The window's handshake (`io(url, { auth })`): `token` (signed iframe token, when the cookie is
 * blocked) and `windowId`, the tab id the window also sends as `X-Window-Id` on call routes.
 */
export const WINDOW_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
export const windowIdSchema = z.string().regex(WINDOW_ID_PATTERN);
export const handshakeAuthSchema = z.object({
  token: z.string().max(4096).optional(),
  windowId: windowIdSchema.optional(),
});

/** The call as the window sees it (docs/CALLS-API.md); built by `toWindowCallView`. */
const dealSummarySchema = z.object({ id: z.number(), title: z.string(), value: z.number().nullable(), currency: z.string().nullable() });
export const windowCallViewSchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  state: z.enum(['ringing', 'connected', 'ended', 'wrapped_up']),
  outcome: z.enum(['completed', 'rejected', 'cancelled', 'no_answer', 'busy', 'failed', 'wrong_number', 'declined']).nullable(),
  remoteNumber: z.string(),
  createdAt: z.number(),
  answeredAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  durationSeconds: z.number(),
  caller: z.object({
    number: z.object({ e164: z.string().nullable(), display: z.string() }),
    matches: z.array(
      z.object({
        person: z.object({ id: z.number(), name: z.string(), pictureUrl: z.string().nullable(), organizationName: z.string().nullable() }),
        matchedPhone: z.object({ value: z.string(), label: z.string().nullable() }),
        quality: z.enum(['exact_e164', 'national_number', 'trailing_digits']),
        openDeals: z.array(dealSummarySchema),
        openDealsLoaded: z.boolean(),
      }),
    ),
    remembered: z.object({ personId: z.number(), dealId: z.number().nullable() }).nullable(),
  }),
  personId: z.number().nullable(),
  dealId: z.number().nullable(),
  newContactName: z.string().nullable(),
  wrapUp: z.object({ status: z.enum(['pending', 'saved', 'failed']), savedItems: z.array(z.string()), error: z.string().nullable() }).nullable(),
});
export type WindowCallView = z.infer<typeof windowCallViewSchema>;
export type WrapUpStatus = NonNullable<WindowCallView['wrapUp']>;

export const STOP_RINGING_REASONS = ['answered_elsewhere', 'caller_hung_up', 'missed'] as const;
export type StopRingingReason = (typeof STOP_RINGING_REASONS)[number];
export interface StopRingingPayload {
  callId: string;
  reason: StopRingingReason;
}

/** Acknowledgement for client→server events. */
export type Ack = (result: { ok: true } | { ok: false; error: { code: string; message: string } }) => void;

export interface ServerToClientEvents {
  /** Sent once after the connection was authenticated and joined its rooms. */
  ready: (payload: ReadyPayload) => void;
  /** The session behind this connection lapsed; the window renews it and reconnects. */
  'session:expired': (payload: SessionExpiredPayload) => void;
  /** An inbound call rings this agent (every tab). */
  'call:ringing': (payload: { call: WindowCallView }) => void;
  /** Any state or wrap-up change of a call this agent is part of. */
  'call:updated': (payload: { call: WindowCallView }) => void;
  /** Stop ringing in this tab. */
  'call:stop-ringing': (payload: StopRingingPayload) => void;
  /** The unseen missed-call badge count. */
  'missed:count': (payload: { unseenCount: number }) => void;
}

export interface ClientToServerEvents {
  /** The agent is (not) available to take inbound calls. */
  'agent:set-availability': (payload: AgentAvailabilityPayload, ack?: Ack) => void;
}

/**
 * A client decides how many arguments an event carries. Socket.IO appends the ack callback as the
 * last one, so it is looked for there (a missing payload would otherwise take its place, and
 * calling a non-function would crash the process).
 */
export function payloadAndAck(args: readonly unknown[]): { payload: unknown; reply: (answer: unknown) => void } {
  const last = args[args.length - 1];
  if (typeof last !== 'function') return { payload: args[0], reply: () => undefined };
  return { payload: args.length > 1 ? args[0] : undefined, reply: last as (answer: unknown) => void };
}

/** Every event a window may send, at runtime (the fuzz test sends each one garbage). */
export const CLIENT_TO_SERVER_EVENTS = ['agent:set-availability'] as const satisfies readonly (keyof ClientToServerEvents)[];

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
  /** The tab id from `auth.windowId`, or the socket id when the window sent none. */
  windowId: string;
}

/** Handshake errors carry one of these codes in `err.message` (and `err.data.code`). */
export const SOCKET_AUTH_ERRORS = ['SESSION_REQUIRED', 'SESSION_EXPIRED', 'TOKEN_INVALID', 'ACCOUNT_NOT_INSTALLED', 'ACCOUNT_DISCONNECTED', 'ORIGIN_NOT_ALLOWED', 'HANDSHAKE_INVALID'] as const;
export type SocketAuthError = (typeof SOCKET_AUTH_ERRORS)[number];

export const companyRoom = (companyId: number) => `company:${companyId}`;
export const userRoom = (companyId: number, userId: number) => `user:${companyId}:${userId}`;
/** One window (tab) of a user: lets "stop ringing" spare exactly the tab that answered. */
export const windowRoom = (companyId: number, userId: number, windowId: string) => `window:${companyId}:${userId}:${windowId}`;

/** The Control Center's own namespace (GET /admin). */
export const CONTROL_CENTER_NAMESPACE = '/control-center';
