import type { WindowCallView } from './call-view.schema';
import type { ErrorBody, ErrorCode } from './error-catalogue';
import type { AgentAvailabilityPayload, ReadyPayload, SessionExpiredPayload } from './socket-payloads.schema';

/**
 * The Socket.IO contract between the server and the floating window, declared once. Event names
 * are `noun:verb`. No zod here (the schemas are in `socket-payloads.schema.ts`): the window may
 * import these constants without shipping a schema library.
 */

export const SOCKET_PATH = '/socket.io';

/** The Control Center's own namespace (GET /admin). */
export const CONTROL_CENTER_NAMESPACE = '/control-center';

/** The tab id: `auth.windowId` on the handshake, `X-Window-Id` on call routes. */
export const WINDOW_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/** `rejected`: the agent (every agent it rang) declined it: the window calls it rejected, as History does. */
export const STOP_RINGING_REASONS = ['answered_elsewhere', 'caller_hung_up', 'missed', 'rejected'] as const;
export type StopRingingReason = (typeof STOP_RINGING_REASONS)[number];
export interface StopRingingPayload {
  callId: string;
  reason: StopRingingReason;
}

export interface CallPayload {
  call: WindowCallView;
}

/** The agent's notes in progress for a call, as another of their tabs saved them. */
export interface NotesDraftPayload {
  callId: string;
  text: string;
  updatedAt: number;
}

export interface MissedCountPayload {
  unseenCount: number;
}

/** Acknowledgement for client→server events. */
export type AckResult = { ok: true } | { ok: false; error: ErrorBody };
export type Ack = (result: AckResult) => void;

export interface ServerToClientEvents {
  /** Sent once after the connection was authenticated and joined its rooms. */
  ready: (payload: ReadyPayload) => void;
  /** The session behind this connection lapsed; the window renews it and reconnects. */
  'session:expired': (payload: SessionExpiredPayload) => void;
  /** An inbound call rings this agent (every tab). */
  'call:ringing': (payload: CallPayload) => void;
  /** Any state or wrap-up change of a call this agent is part of. */
  'call:updated': (payload: CallPayload) => void;
  /** Stop ringing in this tab. */
  'call:stop-ringing': (payload: StopRingingPayload) => void;
  /** The unseen missed-call badge count. */
  'missed:count': (payload: MissedCountPayload) => void;
  /** The agent's availability changed (in any of their tabs): every tab shows it. */
  'agent:availability': (payload: AgentAvailabilityPayload) => void;
  /** Another tab of this agent saved the notes it is typing for a call. */
  'call:notes-draft': (payload: NotesDraftPayload) => void;
}

export interface ClientToServerEvents {
  /** The agent is (not) available to take inbound calls ("Do not disturb"): stored for all their tabs. */
  'agent:set-availability': (payload: AgentAvailabilityPayload, ack?: Ack) => void;
}

/** Every event a window may send, at runtime (the fuzz test sends each one garbage). */
export const CLIENT_TO_SERVER_EVENTS = ['agent:set-availability'] as const satisfies readonly (keyof ClientToServerEvents)[];

/** Handshake errors carry one of these codes in `err.message` (and `err.data.code`). */
export const SOCKET_AUTH_ERRORS = ['SESSION_REQUIRED', 'SESSION_EXPIRED', 'TOKEN_INVALID', 'ACCOUNT_NOT_INSTALLED', 'ACCOUNT_DISCONNECTED', 'ORIGIN_NOT_ALLOWED', 'HANDSHAKE_INVALID'] as const satisfies readonly ErrorCode[];
export type SocketAuthError = (typeof SOCKET_AUTH_ERRORS)[number];
