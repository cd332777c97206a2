import { linkCallToContact } from '@/domain/call';
import { writeIdempotencyKey } from '@/domain/wrap-up';
import type { SettledWrapUpWrite } from '@/application/ports/call-events.port';
import type { CallDeps } from './call-deps';
import { callLoader, mutateCall, type CallMutation } from './mutate-call';

/**
 * "Hang up and create contact": the call shows the typed name at once, but Pipedrive's person only
 * exists once the outbox delivered it. When it did, the call is linked to it (history, call back
 * from the history, a later wrap-up retry). Returns whether the call changed.
 */
export async function linkCreatedPerson(deps: Pick<CallDeps, 'calls' | 'unitOfWork' | 'events' | 'clock'>, delivered: SettledWrapUpWrite): Promise<boolean> {
  const { companyId, callId, resultId } = delivered;
  if (delivered.idempotencyKey !== writeIdempotencyKey(callId, 'person') || typeof resultId !== 'number') return false;
  const outcome = await mutateCall(deps, callLoader(deps, companyId, callId), (stored): CallMutation<undefined> =>
    stored.call.personId === undefined
      ? { kind: 'save', record: { ...stored, call: linkCallToContact(stored.call, { personId: resultId }) }, result: undefined }
      : { kind: 'keep', result: undefined },
  );
  return outcome.found && outcome.isSaved;
}
