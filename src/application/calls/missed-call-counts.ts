import type { MissedBy } from '@/application/ports/call-store.port';
import type { CallDeps } from './call-deps';

/** Missed calls of the agent that ended after they last looked: the badge number. */
export async function countUnseenMissedCalls(
  deps: Pick<CallDeps, 'calls'>,
  companyId: number,
  userId: number,
): Promise<number> {
  const seenAt = await deps.calls.getMissedCallsSeenAt(companyId, userId);
  return deps.calls.countMissedCalls({ companyId, userId, endedAfter: seenAt });
}

/**
 * Pushes the new badge count to everyone a missed call concerns. A company-wide missed call
 * concerns every agent; only the online ones get a push (on "Do not disturb" too: the call is on
 * their list), the others read it when they connect.
 */
export async function pushMissedCallCounts(
  deps: Pick<CallDeps, 'calls' | 'presence' | 'notifier'>,
  companyId: number,
  missedBy: MissedBy,
): Promise<void> {
  const userIds =
    missedBy.scope === 'agents'
      ? missedBy.userIds
      : await deps.presence.listOnlineUserIds(companyId);
  for (const userId of new Set(userIds)) {
    const count = await countUnseenMissedCalls(deps, companyId, userId);
    await deps.notifier.missedCallsChanged(companyId, userId, count);
  }
}
