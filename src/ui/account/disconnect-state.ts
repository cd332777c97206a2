/** The "Disconnect Pipedrive" action: ask, confirm, then what the server answered. Pure, for tests. */
export type DisconnectState =
  | { status: 'idle' }
  | { status: 'confirming' }
  | { status: 'disconnecting' }
  | { status: 'done'; revokedAtPipedrive: boolean; message: string }
  | { status: 'failed'; error: string };

export type DisconnectEvent =
  | { type: 'asked' }
  | { type: 'cancelled' }
  | { type: 'confirmed' }
  | { type: 'answered'; revokedAtPipedrive: boolean; message: string }
  | { type: 'failed'; error: string };

export const INITIAL_DISCONNECT_STATE: DisconnectState = { status: 'idle' };

export function disconnectReducer(state: DisconnectState, event: DisconnectEvent): DisconnectState {
  switch (event.type) {
    case 'asked':
      return state.status === 'idle' || state.status === 'failed' ? { status: 'confirming' } : state;
    case 'cancelled':
      return state.status === 'confirming' ? { status: 'idle' } : state;
    case 'confirmed':
      // Only from the confirmation step: one click can never disconnect.
      return state.status === 'confirming' ? { status: 'disconnecting' } : state;
    case 'answered':
      return state.status === 'disconnecting' ? { status: 'done', revokedAtPipedrive: event.revokedAtPipedrive, message: event.message } : state;
    case 'failed':
      return state.status === 'disconnecting' ? { status: 'failed', error: event.error } : state;
  }
}

export interface DisconnectAnswer {
  revokedAtPipedrive: boolean;
  message: string;
}

/** Guards `POST /api/auth/disconnect`'s answer. */
export function parseDisconnectAnswer(body: unknown): DisconnectAnswer {
  const value = body as { disconnected?: unknown; revokedAtPipedrive?: unknown; message?: unknown } | null;
  if (value?.disconnected !== true || typeof value.revokedAtPipedrive !== 'boolean' || typeof value.message !== 'string') {
    throw new Error('unexpected answer from /api/auth/disconnect');
  }
  return { revokedAtPipedrive: value.revokedAtPipedrive, message: value.message };
}
