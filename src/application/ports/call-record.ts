import { isMissedCall } from '@/domain/call';
import type { CallRecord } from './call-store.port';

/** The query semantics of `CallStore`, executable: adapters must select exactly these calls. */

/** idle, ringing or connected: the call is still going. */
export function isActiveCall(record: Pick<CallRecord, 'call'>): boolean {
  const { state } = record.call;
  return state === 'idle' || state === 'ringing' || state === 'connected';
}

/**
 * The call occupies its agent: connected, or outbound being dialled. An agent holds at most one
 * such call; the stores enforce it (the SQL adapters with a partial unique index on company and
 * agent over exactly this predicate, see adapters/db/agent-busy-index.ts).
 */
export function holdsAgent(record: Pick<CallRecord, 'call'>): boolean {
  const { call } = record;
  if (call.agentUserId === null) return false;
  return call.state === 'connected' || (call.direction === 'outbound' && (call.state === 'idle' || call.state === 'ringing'));
}

/** An agent's history: calls they placed or answered, calls that rang for them, and their missed calls. */
export function isCallOfAgent(record: CallRecord, userId: number): boolean {
  if (record.call.agentUserId === userId) return true;
  if (record.ringing?.ringingUserIds.includes(userId)) return true;
  return isMissedCallOf(record, userId);
}

/** A missed call on this agent's list: missed by them, or by the whole company. */
export function isMissedCallOf(record: CallRecord, userId: number): boolean {
  const { missedBy } = record;
  if (missedBy === null || !isMissedCall(record.call)) return false;
  return missedBy.scope === 'company' || missedBy.userIds.includes(userId);
}
