import type { EpochMillis } from '@/domain/call';
import type { Result } from '@/domain/errors';
import { declineCall } from '@/domain/routing';
import { isActiveCall } from '@/application/ports/call-record';
import type { StoredCall } from '@/application/ports/call-store.port';
import type { CallView } from '@/application/ports/call-view';
import type { ProviderCallStatus } from '@/application/ports/telephony-provider.port';
import { applyProviderCallUpdate } from './apply-provider-call-update';
import type { CallDeps } from './call-deps';
import type { CallNotFoundError } from './call-errors';
import { toCallView } from './call-view';
import { announceCallChange, endUnansweredCall } from './end-unanswered-call';
import { callLoader, mutateCall, type CallMutation } from './mutate-call';

/** What a window that holds the call's media (SIP) reports about it. */
export type ReportedCallEvent =
  | { readonly kind: 'alive' }
  | {
      readonly kind: 'status';
      readonly status: ProviderCallStatus;
      /** The provider's words for a failure (`sip 486`), for logs. */
      readonly reason?: string;
      /** The provider's final id for the call, once known (SIP: the dialog's Call-ID). */
      readonly providerCallId?: string;
    };

export interface ReportCallEventInput {
  readonly companyId: number;
  readonly userId: number;
  readonly callId: string;
  readonly event: ReportedCallEvent;
}

/** The reporter neither holds the call nor is one of the agents it still rings. */
export interface NotYourCallError {
  readonly code: 'NOT_YOUR_CALL';
  readonly callId: string;
}

export type ReportCallEventResult = Result<{ readonly call: CallView }, CallNotFoundError | NotYourCallError>;

type Deps = Pick<CallDeps, 'calls' | 'unitOfWork' | 'events' | 'presence' | 'notifier' | 'ringTimeouts' | 'clock' | 'settings' | 'logger' | 'heartbeats'>;

/** Ids a provider gives a call before its own id is known (SIP: `sip-pending:<callId>`). */
const PENDING_ID = /^[a-z]+-pending:/;

/**
 * A window reports what happened on its side of a call (SIP: the browser's user agent). Only the
 * call's agent, or an agent the call still rings, may report. While an inbound call rings several
 * agents, an agent's report that their branch ended (the caller gave up, or the PBX cancelled the
 * branch because another agent picked up) ends only that branch: the call ends when no branch is
 * left. That is why a late CANCEL in a losing window can never end a call someone answered.
 */
export async function reportCallEvent(deps: Deps, input: ReportCallEventInput): Promise<ReportCallEventResult> {
  const { companyId, callId, userId, event } = input;
  const stored = await deps.calls.get(companyId, callId);
  if (stored === undefined) return { ok: false, error: { code: 'CALL_NOT_FOUND', callId } };
  const role = roleOf(stored, userId);
  if (role === undefined) return { ok: false, error: { code: 'NOT_YOUR_CALL', callId } };
  const now = deps.clock.now();
  if (isLive(stored)) await deps.heartbeats.heard({ companyId, callId }, now);
  if (event.kind === 'alive') return present(deps, stored, now);

  const after =
    role === 'ringing_agent' ? await endBranchIfOver(deps, stored.call.id, companyId, userId, event.status, now) : await applyAsHolder(deps, input, event);
  if (after === undefined) return { ok: false, error: { code: 'CALL_NOT_FOUND', callId } };
  if (!isLive(after)) await deps.heartbeats.forget(callId);
  return present(deps, after, now);
}

type Role = 'holder' | 'ringing_agent';

function roleOf(stored: StoredCall, userId: number): Role | undefined {
  if (stored.call.agentUserId === userId) return 'holder';
  const { ringing, call } = stored;
  const isRingingFor =
    call.state === 'ringing' && ringing !== null && ringing.claimedBy === null && ringing.ringingUserIds.includes(userId) && !ringing.declinedUserIds.includes(userId);
  return isRingingFor ? 'ringing_agent' : undefined;
}

const isLive = isActiveCall;

/** Statuses that say "this branch is over" (the rest are progress, informative while it rings). */
const ENDING_STATUSES: ReadonlySet<ProviderCallStatus> = new Set(['remote_ended', 'busy', 'no_answer', 'failed', 'canceled', 'wrong_number', 'declined']);

/**
 * An agent the inbound call rings reports that their branch ended. Progress ("ringing",
 * "answered") is informative: agents answer through `answerCall`, first answer wins.
 */
async function endBranchIfOver(deps: Deps, callId: string, companyId: number, userId: number, status: ProviderCallStatus, now: EpochMillis): Promise<StoredCall | undefined> {
  if (!ENDING_STATUSES.has(status)) return deps.calls.get(companyId, callId);
  const outcome = await mutateCall(deps, callLoader(deps, companyId, callId), (stored): CallMutation<{ ended: boolean; stopFor: number[] }> => {
    const { ringing } = stored;
    if (ringing === null || roleOf(stored, userId) !== 'ringing_agent') return { kind: 'keep', result: { ended: false, stopFor: [] } };
    const declined = declineCall(ringing, { companyId, userId });
    if (!declined.ok) return { kind: 'keep', result: { ended: false, stopFor: [] } };
    if (!declined.isDeclinedByEveryone) {
      return { kind: 'save', record: { ...stored, ringing: declined.ringing }, result: { ended: false, stopFor: [userId] } };
    }
    // The last branch ended: the caller hung up. Every agent it rang missed it (branches that
    // ended earlier are marked declined only to stop them ringing).
    const ended = endUnansweredCall(stored, { type: 'cancel' }, now);
    if (ended === undefined) return { kind: 'keep', result: { ended: false, stopFor: [] } };
    const record = { ...ended.record, missedBy: { scope: 'agents' as const, userIds: ringing.ringingUserIds } };
    return { kind: 'save', record, result: { ended: true, stopFor: ended.stopRingingFor.map((target) => target.userId) } };
  });
  if (!outcome.found) return undefined;
  if (outcome.isSaved) {
    const targets = outcome.result.stopFor.map((id) => ({ userId: id }));
    if (outcome.result.ended) {
      await announceCallChange(deps, outcome.stored, targets);
      deps.logger.info({ callId, companyId, status }, 'inbound call ended: every ringing branch ended');
    } else {
      await deps.notifier.stopRinging(companyId, callId, targets);
    }
  }
  return outcome.stored;
}

/** The agent holding the call reports: applied like any provider update (same rules, same logs). */
async function applyAsHolder(deps: Deps, input: ReportCallEventInput, event: Extract<ReportedCallEvent, { kind: 'status' }>): Promise<StoredCall | undefined> {
  const { companyId, callId } = input;
  const stored = event.providerCallId === undefined ? await deps.calls.get(companyId, callId) : await learnProviderCallId(deps, companyId, callId, event.providerCallId);
  if (stored === undefined) return undefined;
  const applied = await applyProviderCallUpdate(deps, {
    providerCallId: stored.call.providerCallId ?? callId,
    call: { companyId, id: callId },
    status: event.status,
    ...(event.reason === undefined ? {} : { reason: event.reason }),
  });
  if (!applied.ok) return undefined;
  return deps.calls.get(companyId, callId);
}

/** The provider's final id replaces a pending one (never a final one: that would re-link the call). */
async function learnProviderCallId(deps: Deps, companyId: number, callId: string, providerCallId: string): Promise<StoredCall | undefined> {
  const outcome = await mutateCall(deps, callLoader(deps, companyId, callId), (stored): CallMutation<undefined> => {
    const current = stored.call.providerCallId;
    if (current !== undefined && !PENDING_ID.test(current)) return { kind: 'keep', result: undefined };
    return { kind: 'save', record: { ...stored, call: { ...stored.call, providerCallId } }, result: undefined };
  });
  return outcome.found ? outcome.stored : undefined;
}

async function present(deps: Pick<CallDeps, 'settings'>, stored: StoredCall, now: EpochMillis): Promise<ReportCallEventResult> {
  const settings = await deps.settings.get(stored.call.companyId);
  return { ok: true, call: toCallView(stored, { gracePeriodMs: settings.wrapUpGracePeriodMs, now }) };
}
