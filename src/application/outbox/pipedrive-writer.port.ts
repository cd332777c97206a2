import type { ActivityPayload, CallLogPayload, NotePayload, PersonPayload } from '@/domain/wrap-up';
import type { WriteResult } from './outbox-deliveries.port';

/**
 * Whose Pipedrive connection performs a write. `userId` null: the call had no agent (a missed
 * call), so any connected user of the company may write.
 */
export interface PipedriveAccountRef {
  readonly companyId: number;
  readonly userId: number | null;
}

/**
 * Creates things in Pipedrive, one request per call, no retries of its own (the outbox worker
 * owns retries). Rejections may carry `retryable: boolean`, `retryAfterMs?: number` and
 * `status: number` (0 = no response arrived), as `PipedriveError` does; a rejection without
 * `retryable` is treated as not worth retrying. `accountUnavailable: true` says no connected
 * account can write for the company (revoked, uninstalled): the write waits for a reconnect.
 */
export interface PipedriveWriter {
  createPerson(account: PipedriveAccountRef, payload: PersonPayload): Promise<WriteResult>;
  createCallLog(account: PipedriveAccountRef, payload: CallLogPayload): Promise<WriteResult>;
  createNote(account: PipedriveAccountRef, payload: NotePayload): Promise<WriteResult>;
  createActivity(account: PipedriveAccountRef, payload: ActivityPayload): Promise<WriteResult>;
}
