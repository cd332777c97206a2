import { agentHangUpEvent, applyCallEvent } from '@/domain/call';
import type { Result } from '@/domain/errors';
import type { RingingCallError } from '@/domain/routing';
import type { CallView } from '@/application/ports/call-view';
import type { CallDeps } from './call-deps';
import type { CallNotFoundError, CallNotRingingError, CallNothingToHangUpError, CallNotYoursError } from './call-errors';
import { toCallView } from './call-view';
import { callLoader, mutateCall, type CallMutation } from './mutate-call';
import { rejectCall } from './reject-call';
import { tellProvider } from './tell-provider';

export interface HangUpCallInput {
  readonly companyId: number;
  readonly userId: number;
  readonly callId: string;
}

export type HangUpCallError =
  | CallNotFoundError
  | CallNotYoursError
  | CallNothingToHangUpError
  | CallNotRingingError
  | RingingCallError;

export type HangUpCallResult = Result<{ readonly call: CallView }, HangUpCallError>;

type Deps = Pick<CallDeps, 'calls' | 'unitOfWork' | 'events' | 'notifier' | 'telephony' | 'ringTimeouts' | 'clock' | 'settings' | 'logger'>;

/**
 * The dialer's "Hang up" button (also behind "Hang up and ..."): ends the conversation, cancels an
 * outbound call still dialling, or, on a ringing inbound call, declines it (`rejectCall`). The
 * ended call then waits for the agent's wrap-up; `automaticLogDueAt` in the view says until when.
 */
export async function hangUpCall(deps: Deps, input: HangUpCallInput): Promise<HangUpCallResult> {
  const { companyId, userId, callId } = input;
  const current = await deps.calls.get(companyId, callId);
  if (current === undefined) return { ok: false, error: { code: 'CALL_NOT_FOUND', callId } };
  if (current.call.direction === 'inbound' && current.call.state === 'ringing') {
    const rejected = await rejectCall(deps, input);
    return rejected.ok ? { ok: true, call: rejected.call } : rejected;
  }

  const now = deps.clock.now();
  const outcome = await mutateCall(deps, callLoader(deps, companyId, callId), (stored): CallMutation<HangUpCallError | undefined> => {
    const { call } = stored;
    const event = agentHangUpEvent(call);
    if (event === undefined) return keep({ code: 'CALL_NOTHING_TO_HANG_UP', callId, state: call.state });
    if (call.agentUserId !== userId) return keep({ code: 'CALL_NOT_YOURS', callId });
    const ended = applyCallEvent(call, event, now);
    if (!ended.ok) return keep({ code: 'CALL_NOTHING_TO_HANG_UP', callId, state: call.state });
    return { kind: 'save', record: { ...stored, call: ended.call }, result: undefined };
  });
  if (!outcome.found) return { ok: false, error: { code: 'CALL_NOT_FOUND', callId } };
  if (outcome.result !== undefined) return { ok: false, error: outcome.result };

  const { stored } = outcome;
  const { providerCallId } = stored.call;
  if (providerCallId !== undefined) {
    await tellProvider(deps, { callId, action: 'hang_up' }, () => deps.telephony.hangUp(providerCallId));
  }
  const settings = await deps.settings.get(companyId);
  const view = toCallView(stored, { gracePeriodMs: settings.wrapUpGracePeriodMs });
  await deps.notifier.callUpdated(companyId, [userId], view);
  deps.logger.info({ callId, companyId, agentUserId: userId, outcome: stored.call.outcome }, 'agent hung up');
  return { ok: true, call: view };
}

function keep(error: HangUpCallError): CallMutation<HangUpCallError | undefined> {
  return { kind: 'keep', result: error };
}
