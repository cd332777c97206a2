import type { Call, EpochMillis } from './call.types';

/**
 * Talk time in whole seconds, from answer to end. Ringing time is not talk time, so an unanswered
 * call lasts 0 s. For a call still connected, pass `now` to get the running duration.
 */
export function callDurationSeconds(call: Pick<Call, 'timestamps'>, now?: EpochMillis): number {
  const { answeredAt, endedAt } = call.timestamps;
  if (answeredAt === undefined) return 0;
  const until = endedAt ?? now;
  if (until === undefined) return 0;
  return Math.max(0, Math.round((until - answeredAt) / 1000));
}
