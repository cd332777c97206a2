export { applyCallEvent, type CallTransitionResult } from './apply-call-event';
export { createCall, recordBusyInboundCall, linkCallToContact, type NewCall } from './create-call';
export { callDomainEventsBetween, callDomainEventsOfNewCall } from './call-domain-events';
export { canApplyCallEvent } from './call-transitions';
export { callDurationSeconds } from './call-duration';
export { isMissedCall, toPipedriveCallOutcome, type PipedriveCallOutcome } from './call-outcome';
export { agentHangUpEvent } from './agent-hang-up-event';
export type { CallInvalidTransitionError } from './call.errors';
export type {
  Call,
  CallDirection,
  CallDomainEvent,
  CallEndedBy,
  CallEvent,
  CallEventType,
  CallOutcome,
  CallState,
  CallTimestamps,
  EpochMillis,
} from './call.types';
