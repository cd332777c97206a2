import { linkCallToContact } from '@/domain/call';
import type { Result } from '@/domain/errors';
import type { CallView } from '@/application/ports/call-view';
import type { CallDeps } from './call-deps';
import type { CallNotFoundError, CallNotYoursError } from './call-errors';
import { toCallView } from './call-view';
import { withOpenDealsOf } from './look-up-caller';
import { callLoader, mutateCall, type CallMutation } from './mutate-call';

export interface SelectCallContactInput {
  readonly companyId: number;
  readonly userId: number;
  readonly callId: string;
  readonly personId: number;
  readonly dealId?: number | undefined;
}

export type SelectCallContactResult = Result<{ readonly call: CallView }, CallNotFoundError | CallNotYoursError>;

/**
 * The agent picks who is on the line among several matches (and optionally a deal) during or
 * after the call. The call is linked to them, so the automatic log goes to the right person, and
 * the choice is remembered for the number's next call. A person whose open deals the screen-pop
 * left out gets them now, stored with the call, so the Dialer can offer "add notes to deal".
 */
export async function selectCallContact(
  deps: Pick<CallDeps, 'calls' | 'unitOfWork' | 'events' | 'preferences' | 'notifier' | 'clock' | 'settings' | 'crm' | 'logger'>,
  input: SelectCallContactInput,
): Promise<SelectCallContactResult> {
  const { companyId, userId, callId, personId, dealId } = input;
  const outcome = await mutateCall(deps, callLoader(deps, companyId, callId), async (stored): Promise<CallMutation<CallNotYoursError | undefined>> => {
    if (stored.call.agentUserId !== userId) return { kind: 'keep', result: { code: 'CALL_NOT_YOURS', callId } };
    // A new choice replaces the whole link: a deal chosen with the previous person must not stay.
    const { dealId: _previousDeal, personId: _previousPerson, ...unlinked } = stored.call;
    const call = linkCallToContact(unlinked, { personId, ...(dealId === undefined ? {} : { dealId }) });
    const caller = stored.caller === null ? undefined : await withOpenDealsOf(deps, { companyId, userId }, stored.caller, personId);
    return { kind: 'save', record: { ...stored, call, ...(caller === undefined ? {} : { caller }) }, result: undefined };
  });
  if (!outcome.found) return { ok: false, error: { code: 'CALL_NOT_FOUND', callId } };
  if (outcome.result !== undefined) return { ok: false, error: outcome.result };

  const { stored } = outcome;
  if (stored.call.remoteNumber.startsWith('+')) {
    const choice = { personId, chosenAt: deps.clock.now(), ...(dealId === undefined ? {} : { dealId }) };
    await deps.preferences.remember(companyId, stored.call.remoteNumber, choice);
  }
  const settings = await deps.settings.get(companyId);
  const view = toCallView(stored, { gracePeriodMs: settings.wrapUpGracePeriodMs, now: deps.clock.now() });
  await deps.notifier.callUpdated(companyId, [userId], view);
  return { ok: true, call: view };
}
