import { holdsAgent } from '@/application/ports/call-record';
import type { StoredCall } from '@/application/ports/call-store.port';
import type { CallDeps } from './call-deps';

/**
 * The call an agent holds right now: connected, or outbound being dialled. Derived from the call
 * store (shared by every instance) rather than from presence, so all instances agree on who is busy.
 */
export function isHeldBy(stored: StoredCall, userId: number): boolean {
  return stored.call.agentUserId === userId && holdsAgent(stored);
}

/** Agents of the company holding a call. */
export async function findBusyUserIds(deps: Pick<CallDeps, 'calls'>, companyId: number): Promise<Set<number>> {
  const active = await deps.calls.listCallsHeldByAgents(companyId);
  const busy = new Set<number>();
  for (const stored of active) {
    const { agentUserId } = stored.call;
    if (agentUserId !== null && isHeldBy(stored, agentUserId)) busy.add(agentUserId);
  }
  return busy;
}

/** The call the agent holds, if any. */
export async function findHeldCall(
  deps: Pick<CallDeps, 'calls'>,
  companyId: number,
  userId: number,
): Promise<StoredCall | undefined> {
  const held = await deps.calls.listCallsHeldByAgents(companyId);
  return held.find((stored) => isHeldBy(stored, userId));
}

/** Everyone a change of the call concerns: its agent, and every agent it rang. */
export function usersConcernedBy(stored: Pick<StoredCall, 'call' | 'ringing'>): number[] {
  const users = new Set<number>(stored.ringing?.ringingUserIds ?? []);
  if (stored.call.agentUserId !== null) users.add(stored.call.agentUserId);
  return [...users];
}
