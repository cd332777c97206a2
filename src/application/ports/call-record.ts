import { isMissedCall } from '@/domain/call';
import type { CallRecord } from './call-store.port';

/** The query semantics of `CallStore`, executable: adapters must select exactly these calls. */

/** idle, ringing or connected: the call is still going. */
export function isActiveCall(record: Pick<CallRecord, 'call'>): boolean {
  const { state } = record.call;
  return state === 'idle' || state === 'ringing' || state === 'connected';
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
