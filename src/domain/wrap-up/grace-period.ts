import type { Call, EpochMillis } from '@/domain/call/call.types';
import { isMissedCall } from '@/domain/call/call-outcome';
import type { AutomaticLogDecision } from './wrap-up.types';

/**
 * When the server logs an ended call by itself if the agent has not wrapped it up. A missed
 * inbound call has nobody to wrap it up, so it is due at once; any call an agent handled (an
 * answered call, or an outbound call the agent placed) waits `gracePeriodMs` for their notes, so
 * the single call log can carry them. Undefined while the call is going.
 */
export function automaticLogDueAt(
  call: Pick<Call, 'state' | 'direction' | 'timestamps'>,
  gracePeriodMs: number,
): EpochMillis | undefined {
  const { endedAt } = call.timestamps;
  if (endedAt === undefined) return undefined;
  return isMissedCall(call) ? endedAt : endedAt + gracePeriodMs;
}

export interface DecideAutomaticLogInput {
  readonly call: Pick<Call, 'state' | 'direction' | 'timestamps'>;
  /** A call-log write for this call is already queued (by the wrap-up or an earlier run). */
  readonly isCallLogged: boolean;
  readonly gracePeriodMs: number;
  readonly now: EpochMillis;
}

/** Every ended call is logged exactly once: by the wrap-up if it comes in time, else by the server. */
export function decideAutomaticLog(input: DecideAutomaticLogInput): AutomaticLogDecision {
  const dueAt = automaticLogDueAt(input.call, input.gracePeriodMs);
  if (dueAt === undefined) return { kind: 'not_ended' };
  if (input.isCallLogged) return { kind: 'already_logged' };
  if (input.now < dueAt) return { kind: 'wait', until: dueAt };
  return { kind: 'log_now' };
}
