import type { Result } from '@/domain/errors';
import { callDomainEventsBetween } from './call-domain-events';
import { CALL_TRANSITION_RULES, canApplyCallEvent } from './call-transitions';
import type { CallInvalidTransitionError } from './call.errors';
import type { Call, CallDomainEvent, CallEvent, EpochMillis } from './call.types';

export type CallTransitionResult = Result<
  { readonly call: Call; readonly events: CallDomainEvent[] },
  CallInvalidTransitionError
>;

/**
 * Moves a call forward by one event at time `now`. Never throws for an event that does not fit:
 * returns CALL_INVALID_TRANSITION instead, because late and repeated provider webhooks are normal.
 */
export function applyCallEvent(call: Call, event: CallEvent, now: EpochMillis): CallTransitionResult {
  if (!canApplyCallEvent(call, event.type)) {
    return { ok: false, error: { code: 'CALL_INVALID_TRANSITION', from: call.state, event: event.type } };
  }
  const at = notBeforeLastStep(call, now);
  // TypeScript cannot tie the rule picked by `event.type` to that event's own type; the table's
  // mapped type guarantees each rule receives events of its type only.
  const rule = CALL_TRANSITION_RULES[event.type] as {
    apply: (call: Call, event: CallEvent, at: EpochMillis) => Call;
  };
  const next = rule.apply(call, event, at);
  return { ok: true, call: next, events: callDomainEventsBetween(call, next, at) };
}

/**
 * Steps of one call can be stamped by different server instances whose clocks disagree slightly.
 * Never letting time go backwards keeps endedAt >= answeredAt, so durations and the call log's
 * start/end times stay consistent.
 */
function notBeforeLastStep(call: Call, now: EpochMillis): EpochMillis {
  const { createdAt, ringingAt, answeredAt, endedAt, wrappedUpAt } = call.timestamps;
  const stamped = [createdAt, ringingAt, answeredAt, endedAt, wrappedUpAt].filter(
    (t): t is number => t !== undefined,
  );
  return Math.max(now, ...stamped);
}
