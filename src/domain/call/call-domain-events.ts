import { callDurationSeconds } from './call-duration';
import { isMissedCall } from './call-outcome';
import type { Call, CallDomainEvent, EpochMillis } from './call.types';

/** The events produced by a transition that moved a call from `before` to `after` at `at`. */
export function callDomainEventsBetween(before: Call, after: Call, at: EpochMillis): CallDomainEvent[] {
  if (before.state === after.state) return [];
  const callId = after.id;
  switch (after.state) {
    case 'idle':
      return [];
    case 'ringing':
      return [{ type: 'call.ringing', callId, at }];
    case 'connected':
      return [{ type: 'call.answered', callId, at, agentUserId: after.agentUserId }];
    case 'ended':
      return endedEvents(after, at);
    case 'wrapped_up':
      return [{ type: 'call.wrapped_up', callId, at }];
  }
}

/**
 * The events of a call stored for the first time: as if it moved from idle to the state it is
 * stored in (ringing, or ended at once when nobody could take it).
 */
export function callDomainEventsOfNewCall(call: Call, at: EpochMillis): CallDomainEvent[] {
  return callDomainEventsBetween({ ...call, state: 'idle' }, call, at);
}

function endedEvents(call: Call, at: EpochMillis): CallDomainEvent[] {
  // Every path into `ended` sets an outcome; 'failed' only satisfies the type checker.
  const outcome = call.outcome ?? 'failed';
  const durationSeconds = callDurationSeconds(call);
  const ended: CallDomainEvent = { type: 'call.ended', callId: call.id, at, outcome, durationSeconds };
  if (!isMissedCall(call)) return [ended];
  return [ended, { type: 'call.missed', callId: call.id, at, outcome }];
}
