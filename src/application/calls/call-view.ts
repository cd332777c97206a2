import { callDurationSeconds, isMissedCall, type EpochMillis } from '@/domain/call';
import { automaticLogDueAt } from '@/domain/wrap-up';
import type { CallRecord } from '@/application/ports/call-store.port';
import type { CallView } from '@/application/ports/call-view';

/** The window's view of a call; `now` gives a running duration for a connected call. */
export function toCallView(record: CallRecord, options: { gracePeriodMs: number; now?: EpochMillis }): CallView {
  const { call } = record;
  const dueAt = automaticLogDueAt(call, options.gracePeriodMs);
  return {
    id: call.id,
    direction: call.direction,
    state: call.state,
    outcome: call.outcome ?? null,
    endedBy: call.endedBy ?? null,
    isMissed: isMissedCall(call),
    remoteNumber: call.remoteNumber,
    localNumber: call.localNumber ?? null,
    agentUserId: call.agentUserId,
    agentTabId: record.agentTabId,
    personId: call.personId ?? null,
    dealId: call.dealId ?? null,
    newContactName: call.newContactName ?? null,
    timestamps: call.timestamps,
    durationSeconds: callDurationSeconds(call, options.now),
    caller: record.caller,
    automaticLogDueAt: call.state === 'ended' && !record.isCallLogged ? (dueAt ?? null) : null,
  };
}
