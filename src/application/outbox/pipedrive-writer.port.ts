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

const WRITE_FAILURE_BRAND = Symbol.for('caller.pipedrive-write-failure');

/** What the outbox worker needs to know about a failed write (or reconciling lookup). */
export interface PipedriveWriteFailureFields {
  /** Worth sending again later (5xx, 429, no answer). */
  readonly retryable: boolean;
  /** Pipedrive's `Retry-After`, when it gave one. */
  readonly retryAfterMs?: number | undefined;
  /** Upstream HTTP status; 0 = no response arrived, so the write may or may not have landed. */
  readonly status?: number | undefined;
  /** No connected account of the company can write (revoked, uninstalled): wait for a reconnect. */
  readonly accountUnavailable?: boolean;
  /**
   * The answer does not prove the write failed (no answer, a 5xx, a gateway's HTML page), so it
   * may have landed: look it up before sending it again. Absent: unknown only when `status` is 0.
   */
  readonly outcomeUnknown?: boolean | undefined;
}

/**
 * The failure `PipedriveWriter` and `ReconcileWrite` reject with. Adapters either throw this class
 * or brand their own error class with `brandWriteFailure` (the gateway's `PipedriveError` does);
 * anything else is an unexpected failure, not retried.
 */
export class PipedriveWriteFailure extends Error implements PipedriveWriteFailureFields {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;
  readonly accountUnavailable: boolean;
  readonly outcomeUnknown: boolean | undefined;
  constructor(message: string, fields: PipedriveWriteFailureFields, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PipedriveWriteFailure';
    this.retryable = fields.retryable;
    this.retryAfterMs = fields.retryAfterMs;
    this.status = fields.status;
    this.accountUnavailable = fields.accountUnavailable ?? false;
    this.outcomeUnknown = fields.outcomeUnknown;
    brandWriteFailure(this);
  }
}

/** Marks an error object (carrying the fields) as a write failure the outbox worker understands. */
export function brandWriteFailure<E extends Error & PipedriveWriteFailureFields>(error: E): E {
  Object.defineProperty(error, WRITE_FAILURE_BRAND, { value: true, enumerable: false });
  return error;
}

export function isPipedriveWriteFailure(error: unknown): error is Error & PipedriveWriteFailureFields {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[WRITE_FAILURE_BRAND] === true;
}

/**
 * Creates things in Pipedrive, one request per call, no retries of its own (the outbox worker
 * owns retries). Rejects with a `PipedriveWriteFailure` (see `isPipedriveWriteFailure`); any
 * other rejection is treated as not worth retrying.
 */
export interface PipedriveWriter {
  createPerson(account: PipedriveAccountRef, payload: PersonPayload): Promise<WriteResult>;
  createCallLog(account: PipedriveAccountRef, payload: CallLogPayload): Promise<WriteResult>;
  createNote(account: PipedriveAccountRef, payload: NotePayload): Promise<WriteResult>;
  createActivity(account: PipedriveAccountRef, payload: ActivityPayload): Promise<WriteResult>;
  /**
   * Attaches a recording to a call log. Pipedrive keeps one per call log: a call log that already
   * has one counts as done (it resolves with the call log's id).
   */
  attachRecording(account: PipedriveAccountRef, recording: RecordingUpload): Promise<WriteResult>;
}

export interface RecordingUpload {
  readonly callLogId: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}
