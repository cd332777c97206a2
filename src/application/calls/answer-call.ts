import { applyCallEvent } from '@/domain/call';
import type { Result } from '@/domain/errors';
import { claimCall, type RingingCallError, type StopRingingTarget } from '@/domain/routing';
import type { CallView } from '@/application/ports/call-view';
import { findHeldCall, usersConcernedBy } from './agent-calls';
import type { CallDeps } from './call-deps';
import type { CallAgentBusyError, CallNotFoundError, CallNotRingingError } from './call-errors';
import { toCallView } from './call-view';
import { callLoader, mutateCall, type CallMutation } from './mutate-call';
import { tellProvider } from './tell-provider';

export interface AnswerCallInput {
  readonly companyId: number;
  readonly userId: number;
  /** The window that clicked "Answer": it keeps the call, the agent's other tabs stop ringing. */
  readonly tabId: string;
  readonly callId: string;
}

export type AnswerCallError = CallNotFoundError | CallNotRingingError | CallAgentBusyError | RingingCallError;

export type AnswerCallResult = Result<{ readonly call: CallView }, AnswerCallError>;

type Deps = Pick<
  CallDeps,
  'calls' | 'unitOfWork' | 'events' | 'notifier' | 'telephony' | 'ringTimeouts' | 'clock' | 'settings' | 'logger'
>;

type Decision = Result<{ readonly stopRingingFor: readonly StopRingingTarget[] }, AnswerCallError>;

/**
 * First answer wins, across agents and across one agent's tabs: the claim is a compare-and-set
 * on the call's version, so of two simultaneous answers exactly one commits and the other gets
 * ROUTING_CALL_ALREADY_CLAIMED. A repeated answer from the winning tab succeeds again. An agent
 * holds one call at a time: the call store refuses an answer racing the agent's own dial, which
 * then gets CALL_AGENT_BUSY.
 */
export async function answerCall(deps: Deps, input: AnswerCallInput): Promise<AnswerCallResult> {
  const { companyId, userId, tabId, callId } = input;
  const held = await findHeldCall(deps, companyId, userId);
  if (held !== undefined && held.call.id !== callId) {
    return { ok: false, error: { code: 'CALL_AGENT_BUSY', activeCallId: held.call.id } };
  }
  const now = deps.clock.now();
  const outcome = await mutateCall(deps, callLoader(deps, companyId, callId), (stored): CallMutation<Decision> => {
    const { ringing, call } = stored;
    if (ringing === null) return keep({ code: 'CALL_NOT_RINGING', callId, state: call.state });
    const claimed = claimCall(ringing, { companyId, userId, tabId });
    if (!claimed.ok) return keep(claimed.error);
    if (call.state === 'connected' && claimed.stopRingingFor.length === 0) {
      return { kind: 'keep', result: { ok: true, stopRingingFor: [] } };
    }
    const answered = applyCallEvent(call, { type: 'answer', agentUserId: userId }, now);
    if (!answered.ok) return keep({ code: 'CALL_NOT_RINGING', callId, state: call.state });
    return {
      kind: 'save',
      record: { ...stored, call: answered.call, ringing: claimed.ringing, agentTabId: tabId },
      result: { ok: true, stopRingingFor: claimed.stopRingingFor },
      // The check above is advisory: a dial of this agent committed since (any instance).
      ifAgentBusy: (activeCallId) => ({ ok: false, error: { code: 'CALL_AGENT_BUSY', activeCallId } }),
    };
  });
  if (!outcome.found) return { ok: false, error: { code: 'CALL_NOT_FOUND', callId } };
  if (!outcome.result.ok) return outcome.result;

  const { stored } = outcome;
  const settings = await deps.settings.get(companyId);
  const view = toCallView(stored, { gracePeriodMs: settings.wrapUpGracePeriodMs, now });
  if (outcome.isSaved) {
    await deps.ringTimeouts.cancel(callId);
    const { providerCallId } = stored.call;
    // Told only after the claim committed, so the provider never connects a losing agent.
    if (providerCallId !== undefined) {
      await tellProvider(deps, { callId, action: 'answer' }, () => deps.telephony.answer(providerCallId, { companyId, userId }));
    }
    await deps.notifier.stopRinging(companyId, callId, outcome.result.stopRingingFor);
    await deps.notifier.callUpdated(companyId, usersConcernedBy(stored), view);
    deps.logger.info({ callId, companyId, agentUserId: userId }, 'inbound call answered');
  }
  return { ok: true, call: view };
}

function keep(error: AnswerCallError): CallMutation<Decision> {
  return { kind: 'keep', result: { ok: false, error } };
}
