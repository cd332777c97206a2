import type { CallView } from '@/application/ports/call-view';
import type { CallDeps } from './call-deps';
import { toCallView } from './call-view';
import { countUnseenMissedCalls } from './missed-call-counts';

export interface AgentRef {
  readonly companyId: number;
  readonly userId: number;
}

export interface MissedCallsPage {
  readonly calls: readonly CallView[];
  /** Missed calls that ended after the agent last marked them seen: the badge. */
  readonly unseenCount: number;
}

/** The agent's missed calls, newest first, and the badge count. */
export async function listMissedCalls(
  deps: Pick<CallDeps, 'calls' | 'settings'>,
  input: AgentRef & { readonly limit?: number },
): Promise<MissedCallsPage> {
  const { companyId, userId } = input;
  const settings = await deps.settings.get(companyId);
  const missed = await deps.calls.listMissedCalls({ companyId, userId, limit: input.limit ?? 50 });
  return {
    calls: missed.map((stored) => toCallView(stored, { gracePeriodMs: settings.wrapUpGracePeriodMs })),
    unseenCount: await countUnseenMissedCalls(deps, companyId, userId),
  };
}

/**
 * The agent opened the missed-call list: the badge clears, in every tab of theirs. Calls missed
 * afterwards count again.
 */
export async function markMissedCallsSeen(
  deps: Pick<CallDeps, 'calls' | 'notifier' | 'clock'>,
  input: AgentRef,
): Promise<{ readonly unseenCount: number }> {
  const { companyId, userId } = input;
  await deps.calls.setMissedCallsSeenAt(companyId, userId, deps.clock.now());
  const unseenCount = await countUnseenMissedCalls(deps, companyId, userId);
  await deps.notifier.missedCallsChanged(companyId, userId, unseenCount);
  return { unseenCount };
}
