import type { Call, EpochMillis } from '@/domain/call';
import type { PipedriveWrite } from '@/domain/wrap-up';
import type { OutboxEntryInput } from '@/application/ports/outbox-store.port';

/** The outbox entries of a call's planned writes, in plan order. */
export function toOutboxEntries(call: Call, writes: readonly PipedriveWrite[], now: EpochMillis): OutboxEntryInput[] {
  return writes.map((write) => ({
    idempotencyKey: write.idempotencyKey,
    companyId: call.companyId,
    actingUserId: call.agentUserId,
    callId: call.id,
    write,
    enqueuedAt: now,
  }));
}

export function includesCallLog(writes: readonly PipedriveWrite[]): boolean {
  return writes.some((write) => write.purpose === 'call_log');
}
