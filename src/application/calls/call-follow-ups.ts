import type { CallEventSubscriber, SettledWrapUpWrite } from '@/application/ports/call-events.port';
import type { CallDeps } from './call-deps';
import { toCallView } from './call-view';
import { linkCreatedPerson } from './link-created-person';

/** The work outside the use cases that call events set going; the composition root supplies it. */
export interface CallFollowUpJobs {
  /** Runs the automatic-log sweep soon: a missed call reaches Pipedrive within a second, not at the next period. */
  logEndedCallsSoon(): void;
  /** Wakes the outbox worker: queued writes leave now rather than at its next poll. */
  wakeOutbox(): void;
}

type Deps = Pick<CallDeps, 'calls' | 'unitOfWork' | 'events' | 'clock' | 'settings' | 'notifier'>;

/**
 * What follows a committed change, by event: an ended call is logged (at once when missed, after
 * the grace period when nobody wraps it up), queued writes are delivered, and a settled write
 * links the call to the person it created, then tells the agent ("saved" / "failed"). Returns the
 * way to unsubscribe all of them.
 */
export function subscribeCallFollowUps(events: CallEventSubscriber, deps: Deps, jobs: CallFollowUpJobs): () => void {
  const subscriptions = [
    events.subscribe('call.ended', () => jobs.logEndedCallsSoon()),
    events.subscribe('outbox.writes_queued', () => jobs.wakeOutbox()),
    events.subscribe('wrap_up.write_settled', async (settled) => {
      // The call points at the created contact before the window hears.
      await linkCreatedPerson(deps, settled);
      await tellAgentOfWrapUp(deps, settled);
    }),
  ];
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}

/** The call with its new wrap-up status reaches its agent's windows as a call:updated. */
async function tellAgentOfWrapUp(deps: Deps, { companyId, callId }: SettledWrapUpWrite): Promise<void> {
  const stored = await deps.calls.get(companyId, callId);
  if (stored?.call.agentUserId == null) return;
  const { wrapUpGracePeriodMs } = await deps.settings.get(companyId);
  await deps.notifier.callUpdated(companyId, [stored.call.agentUserId], toCallView(stored, { gracePeriodMs: wrapUpGracePeriodMs }));
}
