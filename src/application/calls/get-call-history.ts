import type { EpochMillis } from '@/domain/call';
import type { CallView } from '@/application/ports/call-view';
import type { CallDeps } from './call-deps';
import { toCallView } from './call-view';

export interface CallHistoryPage {
  readonly calls: readonly CallView[];
  /** Pass as `before` for the next page; null on the last page. */
  readonly nextBefore: EpochMillis | null;
}

/** The agent's recent calls (placed, answered, rang for them, missed), newest first. */
export async function getCallHistory(
  deps: Pick<CallDeps, 'calls' | 'settings' | 'clock'>,
  input: { readonly companyId: number; readonly userId: number; readonly limit?: number; readonly before?: EpochMillis },
): Promise<CallHistoryPage> {
  const limit = input.limit ?? 50;
  const settings = await deps.settings.get(input.companyId);
  const history = await deps.calls.listHistory({
    companyId: input.companyId,
    userId: input.userId,
    limit,
    ...(input.before === undefined ? {} : { beforeCreatedAt: input.before }),
  });
  const now = deps.clock.now();
  const last = history.at(-1);
  return {
    calls: history.map((stored) => toCallView(stored, { gracePeriodMs: settings.wrapUpGracePeriodMs, now })),
    nextBefore: history.length === limit && last !== undefined ? last.call.timestamps.createdAt : null,
  };
}
