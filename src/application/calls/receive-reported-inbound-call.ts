import type { Result } from '@/domain/errors';
import type { StoredCall } from '@/application/ports/call-store.port';
import { findBusyUserIds } from './agent-calls';
import type { CallDeps } from './call-deps';
import type { NotYourCallError } from './report-call-event';
import { toCallView } from './call-view';
import { callLoader, mutateCall, type CallMutation } from './mutate-call';
import { receiveInboundCall } from './receive-inbound-call';

export interface ReceiveReportedInboundCallInput {
  readonly companyId: number;
  /** The agent whose window got the call (SIP: an INVITE reached their user agent). */
  readonly userId: number;
  /** The provider's id of the call, the same in every window it reaches (`sip:<Call-ID>`). */
  readonly providerCallId: string;
  readonly from: string;
  /** The number called (ours); the use case's caller picks a fallback when the provider gave none. */
  readonly to: string;
}

export type ReceiveReportedInboundCallResult = Result<
  {
    readonly callId: string;
    /** `created`: this report started the call; `joined`: the agent was added to the ringing call; `unchanged`: nothing to do. */
    readonly kind: 'created' | 'joined' | 'unchanged';
  },
  NotYourCallError
>;

type Deps = Pick<
  CallDeps,
  'calls' | 'unitOfWork' | 'events' | 'crm' | 'preferences' | 'presence' | 'notifier' | 'ringTimeouts' | 'clock' | 'ids' | 'settings' | 'logger' | 'heartbeats'
>;

/**
 * A window reports an incoming call that reached it directly (SIP: the PBX rang the agent's user
 * agent). The first report of a provider call creates it through `receiveInboundCall`, ringing
 * the reporting agent, with the usual screen-pop, busy and missed-call handling. A ring group
 * reaches several windows with the same call: their later reports add their agent to the agents
 * it rings, so it stays one call with one record and first answer wins.
 */
export async function receiveReportedInboundCall(deps: Deps, input: ReceiveReportedInboundCallInput): Promise<ReceiveReportedInboundCallResult> {
  const existing = await deps.calls.findByProviderCallId(input.providerCallId);
  if (existing !== undefined) return joinRingingCall(deps, input, existing);
  const received = await receiveInboundCall(deps, {
    companyId: input.companyId,
    from: input.from,
    to: input.to,
    agent: String(input.userId),
    providerCallId: input.providerCallId,
    source: 'sip',
  });
  if (received.kind === 'duplicate') {
    // Another agent's window reported the same call a moment earlier (any instance).
    const stored = await deps.calls.findByProviderCallId(input.providerCallId);
    if (stored !== undefined) return joinRingingCall(deps, input, stored);
  }
  await deps.heartbeats.heard({ companyId: input.companyId, callId: received.call.id }, deps.clock.now());
  return { ok: true, callId: received.call.id, kind: received.kind === 'duplicate' ? 'unchanged' : 'created' };
}

async function joinRingingCall(deps: Deps, input: ReceiveReportedInboundCallInput, existing: StoredCall): Promise<ReceiveReportedInboundCallResult> {
  const { companyId, userId } = input;
  if (existing.call.companyId !== companyId) return { ok: false, error: { code: 'NOT_YOUR_CALL', callId: existing.call.id } };
  // An agent on another call is not rung (as routing does); the call still rings the others.
  const busy = await findBusyUserIds(deps, companyId);
  if (busy.has(userId)) return { ok: true, callId: existing.call.id, kind: 'unchanged' };
  const outcome = await mutateCall(deps, callLoader(deps, companyId, existing.call.id), (stored): CallMutation<boolean> => {
    const { ringing, call } = stored;
    if (call.state !== 'ringing' || ringing === null || ringing.claimedBy !== null || ringing.ringingUserIds.includes(userId)) {
      return { kind: 'keep', result: false };
    }
    return { kind: 'save', record: { ...stored, ringing: { ...ringing, ringingUserIds: [...ringing.ringingUserIds, userId] } }, result: true };
  });
  if (!outcome.found || !outcome.result) return { ok: true, callId: existing.call.id, kind: 'unchanged' };
  const settings = await deps.settings.get(companyId);
  await deps.notifier.ringAgents(companyId, [userId], toCallView(outcome.stored, { gracePeriodMs: settings.wrapUpGracePeriodMs }));
  deps.logger.info({ callId: existing.call.id, companyId, agentUserId: userId }, 'inbound call now also rings a ring-group member');
  return { ok: true, callId: existing.call.id, kind: 'joined' };
}
