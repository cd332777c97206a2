import { applyCallEvent, linkCallToContact, type Call } from '@/domain/call';
import type { Result } from '@/domain/errors';
import { declineCall, type RingingCallError, type StopRingingTarget } from '@/domain/routing';
import type { CallView } from '@/application/ports/call-view';
import { usersConcernedBy } from './agent-calls';
import type { CallDeps } from './call-deps';
import type { CallNotFoundError, CallNotRingingError } from './call-errors';
import { toCallView } from './call-view';
import { callLoader, mutateCall, type CallMutation } from './mutate-call';
import { tellProvider } from './tell-provider';

export interface RejectCallInput {
  readonly companyId: number;
  readonly userId: number;
  readonly callId: string;
  /**
   * Who the agent had picked on the ringing screen (the pick stays in the window until answered):
   * a call the agent rejects is logged with that person, as the agent saw it.
   */
  readonly personId?: number | undefined;
  readonly dealId?: number | undefined;
}

export type RejectCallError = CallNotFoundError | CallNotRingingError | RingingCallError;

export type RejectCallResult = Result<
  {
    readonly call: CallView;
    /** True when this was the last agent still ringing: the call itself is now rejected. */
    readonly isRejected: boolean;
  },
  RejectCallError
>;

type Deps = Pick<CallDeps, 'calls' | 'unitOfWork' | 'events' | 'notifier' | 'telephony' | 'ringTimeouts' | 'clock' | 'settings' | 'logger'>;

type Decision = Result<
  { readonly stopRingingFor: readonly StopRingingTarget[]; readonly isRejected: boolean },
  RejectCallError
>;

/**
 * An agent declines a ringing call: it stops ringing in all their tabs and keeps ringing for the
 * other agents. When the last one declines, the call ends as rejected (the caller hears busy).
 * Agents who declined do not get it on their missed-call badge: they saw it.
 */
export async function rejectCall(deps: Deps, input: RejectCallInput): Promise<RejectCallResult> {
  const { companyId, userId, callId } = input;
  const now = deps.clock.now();
  const outcome = await mutateCall(deps, callLoader(deps, companyId, callId), (stored): CallMutation<Decision> => {
    const { ringing, call } = stored;
    if (ringing === null || (call.state !== 'ringing' && ringing.claimedBy === null)) {
      return keep({ code: 'CALL_NOT_RINGING', callId, state: call.state });
    }
    const declined = declineCall(ringing, { companyId, userId });
    if (!declined.ok) return keep(declined.error);
    if (!declined.isDeclinedByEveryone) {
      return {
        kind: 'save',
        record: { ...stored, ringing: declined.ringing },
        result: { ok: true, stopRingingFor: declined.stopRingingFor, isRejected: false },
      };
    }
    const rejected = applyCallEvent(call, { type: 'reject' }, now);
    if (!rejected.ok) return keep({ code: 'CALL_NOT_RINGING', callId, state: call.state });
    return {
      kind: 'save',
      record: {
        ...stored,
        call: withPick(rejected.call, input),
        ringing: declined.ringing,
        missedBy: { scope: 'agents', userIds: [] },
      },
      result: { ok: true, stopRingingFor: declined.stopRingingFor, isRejected: true },
    };
  });
  if (!outcome.found) return { ok: false, error: { code: 'CALL_NOT_FOUND', callId } };
  if (!outcome.result.ok) return outcome.result;

  const { stored } = outcome;
  const settings = await deps.settings.get(companyId);
  const view = toCallView(stored, { gracePeriodMs: settings.wrapUpGracePeriodMs });
  await deps.notifier.stopRinging(companyId, callId, outcome.result.stopRingingFor);
  if (outcome.result.isRejected) {
    await deps.ringTimeouts.cancel(callId);
    const { providerCallId } = stored.call;
    if (providerCallId !== undefined) {
      await tellProvider(deps, { callId, action: 'reject' }, () => deps.telephony.reject(providerCallId));
    }
    await deps.notifier.callUpdated(companyId, usersConcernedBy(stored), view);
    deps.logger.info({ callId, companyId }, 'inbound call rejected by every agent');
  }
  return { ok: true, call: view, isRejected: outcome.result.isRejected };
}

/** The agent's pick replaces the screen-pop's link (a deal only with its person). */
function withPick(call: Call, input: RejectCallInput): Call {
  if (input.personId === undefined) return call;
  const { personId: _person, dealId: _deal, ...unlinked } = call;
  return linkCallToContact(unlinked, { personId: input.personId, ...(input.dealId === undefined ? {} : { dealId: input.dealId }) });
}

function keep(error: RejectCallError): CallMutation<Decision> {
  return { kind: 'keep', result: { ok: false, error } };
}
