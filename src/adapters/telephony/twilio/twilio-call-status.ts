import { callEventsForProviderStatus } from '@/application/calls/provider-call-events';
import type { ProviderCallStatus } from '@/application/ports/telephony-provider.port';
import type { Call, CallEvent } from '@/domain/call';
import type { TwilioCallStatus } from './twilio-voice-webhook.schema';

/**
 * Twilio's statuses in provider-neutral words. `queued` and `initiated` say nothing the app
 * needs (the call is already idle). `in-progress` is "answered": for an inbound call it only
 * means Twilio picked up to run our TwiML. `completed` is the far end (or our side) hanging up;
 * if our side hung up first, the call has ended already and the update is ignored.
 */
export const TWILIO_STATUS_TO_PROVIDER_STATUS: Readonly<Record<TwilioCallStatus, ProviderCallStatus | undefined>> = {
  queued: undefined,
  initiated: undefined,
  ringing: 'ringing',
  'in-progress': 'answered',
  completed: 'remote_ended',
  busy: 'busy',
  'no-answer': 'no_answer',
  failed: 'failed',
  canceled: 'canceled',
};

export function toProviderCallStatus(status: TwilioCallStatus): ProviderCallStatus | undefined {
  return TWILIO_STATUS_TO_PROVIDER_STATUS[status];
}

/** The domain events a Twilio status means for a call in its current state. */
export function twilioStatusToCallEvents(status: TwilioCallStatus, call: Pick<Call, 'state' | 'direction'>): CallEvent[] {
  const neutral = toProviderCallStatus(status);
  return neutral === undefined ? [] : callEventsForProviderStatus(neutral, call);
}
