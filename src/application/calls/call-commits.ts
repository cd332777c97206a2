import { callDomainEventsBetween, callDomainEventsOfNewCall, type Call } from '@/domain/call';
import type { PublishedCallEvent } from '@/application/ports/call-events.port';
import type { CallRecord, InsertCallResult, StoredCall } from '@/application/ports/call-store.port';
import type { CallDeps } from './call-deps';

/** What a committed change tells the follow-ups (application/ports/call-events.port.ts). */
export type CallCommitDeps = Pick<CallDeps, 'events' | 'clock'>;

/**
 * Publishes what a committed change did to a call: its domain events (from the state it was read
 * in, or from nothing for a new call) and the Pipedrive writes it queued.
 */
export function publishCallCommit(deps: CallCommitDeps, before: Call | undefined, after: StoredCall, queuedWrites = 0): void {
  const at = deps.clock.now();
  const { companyId } = after.call;
  const domainEvents = before === undefined ? callDomainEventsOfNewCall(after.call, at) : callDomainEventsBetween(before, after.call, at);
  const events: PublishedCallEvent[] = domainEvents.map((event) => ({ ...event, companyId }));
  if (queuedWrites > 0) events.push({ type: 'outbox.writes_queued', companyId, callId: after.call.id, count: queuedWrites });
  if (events.length > 0) deps.events.publish(events);
}

/** Stores a new call and, once stored, publishes its events (a refused insert tells nothing). */
export async function insertCall(deps: Pick<CallDeps, 'calls'> & CallCommitDeps, record: CallRecord): Promise<InsertCallResult> {
  const inserted = await deps.calls.insert(record);
  if (inserted.ok) publishCallCommit(deps, undefined, inserted.stored);
  return inserted;
}
