import type { EpochMillis } from '@/domain/call';
import type { StopRingingTarget } from '@/domain/routing';
import type { CallView } from '@/application/ports/call-view';
import type { RingTimeout } from '@/application/ports/ring-timeout-scheduler.port';
import type { CallDeps } from './call-deps';
import { toCallView } from './call-view';
import { announceCallChange, endUnansweredCall } from './end-unanswered-call';
import { callLoader, mutateCall, type CallMutation } from './mutate-call';
import { tellProvider } from './tell-provider';

export type ExpireRingingResult =
  | { readonly kind: 'missed'; readonly call: CallView }
  /** Answered, rejected or ended meanwhile: a late or repeated timeout does nothing. */
  | { readonly kind: 'not_ringing' }
  /** Fired early (clock skew between instances); the timeout was scheduled again. */
  | { readonly kind: 'not_due'; readonly dueAt: EpochMillis }
  | { readonly kind: 'not_found' };

type Deps = Pick<
  CallDeps,
  'calls' | 'unitOfWork' | 'events' | 'presence' | 'notifier' | 'telephony' | 'ringTimeouts' | 'clock' | 'settings' | 'logger'
>;

type Decision =
  | { readonly kind: 'missed'; readonly stopRingingFor: readonly StopRingingTarget[] }
  | { readonly kind: 'not_ringing' }
  | { readonly kind: 'not_due'; readonly dueAt: EpochMillis };

/**
 * The ring timeout of an inbound call nobody answered: the call ends as missed (no answer) for
 * every agent it was still ringing for, their windows stop ringing and their badges go up.
 * Idempotent: run by the RingTimeoutScheduler, possibly late or twice.
 */
export async function expireRinging(deps: Deps, timeout: Pick<RingTimeout, 'companyId' | 'callId'>): Promise<ExpireRingingResult> {
  const { companyId, callId } = timeout;
  const settings = await deps.settings.get(companyId);
  const now = deps.clock.now();
  const outcome = await mutateCall(deps, callLoader(deps, companyId, callId), (stored): CallMutation<Decision> => {
    const { call } = stored;
    if (call.state !== 'ringing' || call.direction !== 'inbound') return { kind: 'keep', result: { kind: 'not_ringing' } };
    const dueAt = (call.timestamps.ringingAt ?? call.timestamps.createdAt) + settings.ringTimeoutMs;
    if (now < dueAt) return { kind: 'keep', result: { kind: 'not_due', dueAt } };
    const ended = endUnansweredCall(stored, { type: 'no_answer' }, now);
    if (ended === undefined) return { kind: 'keep', result: { kind: 'not_ringing' } };
    return { kind: 'save', record: ended.record, result: { kind: 'missed', stopRingingFor: ended.stopRingingFor } };
  });
  if (!outcome.found) return { kind: 'not_found' };
  const { result, stored } = outcome;
  if (result.kind === 'not_due') {
    await deps.ringTimeouts.schedule({ companyId, callId, dueAt: result.dueAt });
    return result;
  }
  if (result.kind === 'not_ringing') return result;

  await announceCallChange(deps, stored, result.stopRingingFor);
  const { providerCallId } = stored.call;
  if (providerCallId !== undefined) {
    await tellProvider(deps, { callId, action: 'hang_up' }, () => deps.telephony.hangUp(providerCallId));
  }
  deps.logger.info({ callId, companyId }, 'inbound call unanswered until the ring timeout');
  return { kind: 'missed', call: toCallView(stored, { gracePeriodMs: settings.wrapUpGracePeriodMs }) };
}

export interface ExpireOverdueRingingResult {
  readonly expired: readonly string[];
  readonly rescheduled: readonly string[];
}

/**
 * Catch-up for timeouts lost with a process (restart, crash): every ringing inbound call is
 * expired if overdue, or gets its timeout scheduled again. Run at start-up and from time to time.
 */
export async function expireOverdueRinging(deps: Deps, options: { readonly limit?: number } = {}): Promise<ExpireOverdueRingingResult> {
  const ringingCalls = await deps.calls.listRingingCalls(options.limit ?? 100);
  const expired: string[] = [];
  const rescheduled: string[] = [];
  for (const stored of ringingCalls) {
    if (stored.call.direction !== 'inbound') continue;
    const result = await expireRinging(deps, { companyId: stored.call.companyId, callId: stored.call.id });
    if (result.kind === 'missed') expired.push(stored.call.id);
    if (result.kind === 'not_due') rescheduled.push(stored.call.id);
  }
  return { expired, rescheduled };
}

/**
 * The frequent cross-instance sweep: expires the ringing inbound calls whose ring timeout has
 * passed, whichever instance received them. Timers stay the fast path; this catches the calls of
 * an instance that died mid-ring within one sweep period. Calls not yet due are left alone (no
 * timer is scheduled here), so the sweep costs one indexed query when nothing is overdue.
 */
export async function expireDueRinging(deps: Deps, options: { readonly limit?: number } = {}): Promise<readonly string[]> {
  const ringingCalls = await deps.calls.listRingingCalls(options.limit ?? 100);
  const now = deps.clock.now();
  const timeoutOf = new Map<number, number>();
  const expired: string[] = [];
  for (const { call } of ringingCalls) {
    if (call.direction !== 'inbound') continue;
    let ringTimeoutMs = timeoutOf.get(call.companyId);
    if (ringTimeoutMs === undefined) {
      ringTimeoutMs = (await deps.settings.get(call.companyId)).ringTimeoutMs;
      timeoutOf.set(call.companyId, ringTimeoutMs);
    }
    if (now < (call.timestamps.ringingAt ?? call.timestamps.createdAt) + ringTimeoutMs) continue;
    const result = await expireRinging(deps, { companyId: call.companyId, callId: call.id });
    if (result.kind === 'missed') expired.push(call.id);
  }
  return expired;
}
