import type { Call, CallEvent } from './call.types';

/**
 * What the dialer's single "Hang up" button means in the call's current state: declining a
 * ringing inbound call, cancelling a ringing outbound one, or ending a conversation. Undefined when
 * there is nothing to hang up.
 */
export function agentHangUpEvent(call: Pick<Call, 'state' | 'direction'>): CallEvent | undefined {
  switch (call.state) {
    case 'idle':
      return call.direction === 'outbound' ? { type: 'cancel' } : undefined;
    case 'ringing':
      return call.direction === 'inbound' ? { type: 'reject' } : { type: 'cancel' };
    case 'connected':
      return { type: 'local_hang_up' };
    case 'ended':
    case 'wrapped_up':
      return undefined;
  }
}
