import type { Call } from './call.types';

/** The outcomes Pipedrive's call log accepts (`outcome` of POST /v1/callLogs). */
export type PipedriveCallOutcome =
  | 'connected'
  | 'no_answer'
  | 'left_message'
  | 'left_voicemail'
  | 'wrong_number'
  | 'busy';

/** A call the company never picked up: inbound and ended without being answered. */
export function isMissedCall(call: Pick<Call, 'direction' | 'state' | 'timestamps'>): boolean {
  const hasEnded = call.state === 'ended' || call.state === 'wrapped_up';
  return hasEnded && call.direction === 'inbound' && call.timestamps.answeredAt === undefined;
}

/**
 * Pipedrive's outcome for an ended call (undefined while the call is still going).
 *
 * - A call that was answered is `connected` even when the provider later dropped it: a
 *   conversation took place, and the log must say so.
 * - `rejected` becomes `busy`: declining is the agent saying "not now", and the network signals a
 *   decline to the caller exactly like a busy line (SIP 603/486), so the caller's experience and
 *   the log agree. `no_answer` stays reserved for nobody responding at all.
 * - `cancelled` becomes `no_answer`: the calling side gave up before anyone picked up; nobody was
 *   busy, nobody was reached.
 * - `failed` before answer becomes `no_answer`: the other side was not reached. It is not
 *   `wrong_number`, which is a judgement only the agent can make (see the wrap-up).
 * - `wrong_number` is only ever set from the network's own answer (SIP 404/484/604): it stays so.
 * - `declined` (SIP 603) becomes `no_answer`: nobody talked, and Pipedrive has no "declined".
 */
export function toPipedriveCallOutcome(
  call: Pick<Call, 'outcome' | 'timestamps'>,
): PipedriveCallOutcome | undefined {
  if (call.outcome === undefined) return undefined;
  if (call.timestamps.answeredAt !== undefined) return 'connected';
  switch (call.outcome) {
    case 'busy':
    case 'rejected':
      return 'busy';
    case 'completed':
    case 'cancelled':
    case 'no_answer':
    case 'failed':
    case 'declined':
      return 'no_answer';
    case 'wrong_number':
      return 'wrong_number';
  }
}
