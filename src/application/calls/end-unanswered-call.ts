import { applyCallEvent, isMissedCall, type CallEvent, type EpochMillis } from '@/domain/call';
import { stopRingingEveryone, type StopRingingTarget } from '@/domain/routing';
import type { CallRecord, MissedBy, StoredCall } from '@/application/ports/call-store.port';
import { usersConcernedBy } from './agent-calls';
import type { CallDeps } from './call-deps';
import { toCallView } from './call-view';
import { pushMissedCallCounts } from './missed-call-counts';

export interface UnansweredEnd {
  readonly record: CallRecord;
  /** Everyone the call was still ringing for. */
  readonly stopRingingFor: readonly StopRingingTarget[];
}

/**
 * Ends an inbound call before anyone answered (caller hung up, ring timeout, provider failure).
 * The agents it was still ringing for missed it; a call that never rang was missed by the company.
 * Undefined when the event does not apply to the call's state.
 */
export function endUnansweredCall(stored: StoredCall, event: CallEvent, now: EpochMillis): UnansweredEnd | undefined {
  const ended = applyCallEvent(stored.call, event, now);
  if (!ended.ok) return undefined;
  const stopRingingFor = stored.ringing === null ? [] : stopRingingEveryone(stored.ringing);
  const missedBy: MissedBy | null = !isMissedCall(ended.call)
    ? null
    : stored.ringing === null
      ? { scope: 'company' }
      : { scope: 'agents', userIds: stopRingingFor.map((target) => target.userId) };
  return { record: { ...stored, call: ended.call, missedBy }, stopRingingFor };
}

/** What follows any change of a call's state: windows stop ringing, views update, badges count. */
export async function announceCallChange(
  deps: Pick<CallDeps, 'calls' | 'presence' | 'notifier' | 'ringTimeouts' | 'settings'>,
  stored: StoredCall,
  stopRingingFor: readonly StopRingingTarget[] = [],
): Promise<void> {
  const { companyId, id } = stored.call;
  if (stored.call.state !== 'ringing') await deps.ringTimeouts.cancel(id);
  if (stopRingingFor.length > 0) await deps.notifier.stopRinging(companyId, id, stopRingingFor);
  const settings = await deps.settings.get(companyId);
  await deps.notifier.callUpdated(companyId, usersConcernedBy(stored), toCallView(stored, { gracePeriodMs: settings.wrapUpGracePeriodMs }));
  if (stored.missedBy !== null && isMissedCall(stored.call)) await pushMissedCallCounts(deps, companyId, stored.missedBy);
}
