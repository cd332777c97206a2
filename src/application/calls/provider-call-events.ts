import type { Call, CallEvent } from '@/domain/call';
import type { ProviderCallStatus } from '@/application/ports/telephony-provider.port';

/**
 * The domain events a provider status means for a call in its current state. An empty list means
 * "nothing to do" (a repeated or informative status). Terminal statuses are returned whatever the
 * state; `applyCallEvent` refuses those that no longer fit, which is how late webhooks are ignored.
 */
export function callEventsForProviderStatus(
  status: ProviderCallStatus,
  call: Pick<Call, 'state' | 'direction'>,
  reason?: string,
): CallEvent[] {
  switch (status) {
    case 'ringing':
      return call.state === 'idle' ? [{ type: 'ring' }] : [];
    case 'answered':
      return answeredEvents(call);
    case 'remote_ended':
      // Before the conversation started, the far end hanging up is the caller giving up.
      return call.state === 'connected' ? [{ type: 'remote_hang_up' }] : [{ type: 'cancel' }];
    case 'busy':
      return [{ type: 'busy' }];
    case 'no_answer':
      return [{ type: 'no_answer' }];
    case 'failed':
      return [reason === undefined ? { type: 'fail' } : { type: 'fail', reason }];
    case 'canceled':
      return [{ type: 'cancel' }];
    case 'wrong_number':
      return [{ type: 'wrong_number' }];
    case 'declined':
      return [{ type: 'decline' }];
  }
}

/**
 * Outbound: the callee picked up (providers may skip "ringing", the domain needs it first).
 * Inbound: the provider connected the caller's leg, which says nothing about which agent answers:
 * that is decided in the app by `answerCall`.
 */
function answeredEvents(call: Pick<Call, 'state' | 'direction'>): CallEvent[] {
  if (call.direction === 'inbound') return [];
  if (call.state === 'idle') return [{ type: 'ring' }, { type: 'answer' }];
  if (call.state === 'ringing') return [{ type: 'answer' }];
  return [];
}
