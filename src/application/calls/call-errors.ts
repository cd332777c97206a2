import type { CallState } from '@/domain/call';
import type { DomainFailure } from '@/domain/errors';

/**
 * Failures the call use cases return (never throw). The HTTP/socket layer maps codes to statuses
 * in one table; domain codes (ROUTING_*, WRAP_UP_*, CALL_INVALID_TRANSITION) pass through as is.
 */

/** No call with this id in the agent's company (ids of other companies look the same). */
export interface CallNotFoundError extends DomainFailure<'CALL_NOT_FOUND'> {
  readonly callId: string;
}

/** Answer/reject of a call that no longer rings: it ended, or it is outbound. */
export interface CallNotRingingError extends DomainFailure<'CALL_NOT_RINGING'> {
  readonly callId: string;
  readonly state: CallState;
}

/** The call is held by another agent (hang up, wrap-up, contact choice). */
export interface CallNotYoursError extends DomainFailure<'CALL_NOT_YOURS'> {
  readonly callId: string;
}

/** The agent already has a call going (placing a second call, answering while in a call). */
export interface CallAgentBusyError extends DomainFailure<'CALL_AGENT_BUSY'> {
  readonly activeCallId: string;
}

/** The number to dial cannot be read as a phone number. */
export type CallNumberInvalidError = DomainFailure<'CALL_NUMBER_INVALID'>;

/** "Hang up" on a call that is over, or on an inbound call not yet routed. */
export interface CallNothingToHangUpError extends DomainFailure<'CALL_NOTHING_TO_HANG_UP'> {
  readonly callId: string;
  readonly state: CallState;
}

/** The provider refused to place the call; the call is stored as failed. */
export interface CallTelephonyFailedError extends DomainFailure<'CALL_TELEPHONY_FAILED'> {
  readonly callId: string;
  readonly retryable: boolean;
}
