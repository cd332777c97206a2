import type { PipedriveWrite } from '@/domain/wrap-up';
import type { CallRecordings } from '@/application/ports/call-recordings.port';
import type { EpochMillis } from '@/domain/call';
import type { DeliveryOutcome, OutboxDeliveries, OutboxDelivery, WriteResult } from './outbox-deliveries.port';
import { PipedriveWriteFailure, type PipedriveAccountRef, type PipedriveWriter } from './pipedrive-writer.port';

export type LinkedWrite = { ok: true; write: PipedriveWrite } | { ok: false; outcome: DeliveryOutcome };

interface LinkContext {
  readonly deliveries: Pick<OutboxDeliveries, 'findByKey'>;
  readonly now: EpochMillis;
  /** When a write waiting for another one looks again. */
  readonly waitMs: number;
}

/**
 * The write as it is sent: ids known only once another write ran are filled in from that write's
 * result (`person_id` from the person creation, the call log's id for a recording). A source still
 * on its way makes the write wait without using an attempt; a source that failed fails it.
 */
export async function linkWrite(entry: OutboxDelivery, context: LinkContext): Promise<LinkedWrite> {
  const { write } = entry;
  if (write.kind === 'attach_recording') {
    return fromSource(entry, write.callLogIdFromWrite, context, CALL_LOG_SOURCE, (id) => ({ ...write, payload: { ...write.payload, callLogId: String(id) } }));
  }
  if (write.personIdFromWrite === undefined || write.kind === 'create_person') return { ok: true, write };
  return fromSource(entry, write.personIdFromWrite, context, PERSON_SOURCE, (id) =>
    typeof id === 'number' ? ({ ...write, payload: { ...write.payload, person_id: id } } as PipedriveWrite) : undefined,
  );
}

interface SourceWords {
  readonly waiting: string;
  readonly failed: string;
}
const PERSON_SOURCE: SourceWords = { waiting: 'waiting for the contact to be created', failed: 'the contact this write belongs to could not be created' };
const CALL_LOG_SOURCE: SourceWords = { waiting: 'waiting for the call log to be saved', failed: 'the call log this recording belongs to could not be saved' };

async function fromSource(
  entry: OutboxDelivery,
  key: string,
  { deliveries, now, waitMs }: LinkContext,
  what: SourceWords,
  fill: (id: number | string) => PipedriveWrite | undefined,
): Promise<LinkedWrite> {
  const source = await deliveries.findByKey(key);
  const id = source?.status === 'delivered' ? source.result?.id : undefined;
  const filled = id === undefined ? undefined : fill(id);
  if (filled !== undefined) return { ok: true, write: filled };
  if (source === undefined || source.status === 'pending' || source.status === 'delivering') {
    const error = what.waiting;
    return { ok: false, outcome: { kind: 'retry', nextAttemptAt: now + waitMs, error, outcomeUnknown: entry.outcomeUnknown, refundAttempt: true } };
  }
  return { ok: false, outcome: { kind: 'failed', error: what.failed, at: now } };
}

/** One request through the writer, by kind. A recording's bytes come from the recordings store. */
export async function sendWrite(
  writer: PipedriveWriter,
  account: PipedriveAccountRef,
  write: PipedriveWrite,
  recordings: Pick<CallRecordings, 'load'> | undefined,
): Promise<WriteResult> {
  switch (write.kind) {
    case 'create_person':
      return writer.createPerson(account, write.payload);
    case 'create_call_log':
      return writer.createCallLog(account, write.payload);
    case 'create_note':
      return writer.createNote(account, write.payload);
    case 'create_activity':
      return writer.createActivity(account, write.payload);
    case 'attach_recording': {
      const stored = await recordings?.load(write.payload.callId);
      const { callLogId } = write.payload;
      if (stored === undefined || callLogId === undefined) throw new PipedriveWriteFailure('the recording is no longer stored', { retryable: false });
      return writer.attachRecording(account, { callLogId, contentType: stored.contentType, bytes: stored.bytes });
    }
  }
}
