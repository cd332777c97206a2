import type { DomainFailure } from '@/domain/errors';
import type { CallEventType, CallState } from './call.types';

/**
 * Returned when an event does not apply to the call's current state, e.g. a provider repeating
 * "completed" for a call that already ended, or "answer" arriving after the caller hung up.
 * Usually harmless: the application logs it and ignores the event.
 */
export interface CallInvalidTransitionError extends DomainFailure<'CALL_INVALID_TRANSITION'> {
  readonly from: CallState;
  readonly event: CallEventType;
}
