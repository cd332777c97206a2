import type { EpochMillis } from '@/domain/call';
import type { PipedriveWrite } from '@/domain/wrap-up';

/** A Pipedrive write waiting to be delivered. */
export interface OutboxEntryInput {
  /** Unique: a second entry with the same key is ignored, so a write is delivered at most once. */
  readonly idempotencyKey: string;
  readonly companyId: number;
  /**
   * The user whose Pipedrive connection performs the write: the call's agent. Null when the call
   * had no agent (a missed call): the delivery then uses any connected user of the company.
   */
  readonly actingUserId: number | null;
  readonly callId: string;
  readonly write: PipedriveWrite;
  readonly enqueuedAt: EpochMillis;
}

export interface OutboxEntry extends OutboxEntryInput {
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
}

/** Which keys of an enqueue were new and which were already there (and left untouched). */
export interface EnqueueResult {
  readonly inserted: readonly string[];
  readonly ignored: readonly string[];
}

/**
 * The queue of Pipedrive writes (transactional outbox). Entries of one enqueue are delivered in
 * the order given (a person is created before the call log that needs its id: see
 * `PipedriveWrite.personIdFromWrite`), so adapters keep an insertion sequence. Delivery (claim,
 * retry with backoff from `retryable`, mark delivered) belongs to the delivery worker and is not
 * part of this port yet.
 */
export interface OutboxStore {
  /**
   * Insert-or-ignore by idempotency key (`INSERT ... ON CONFLICT (idempotency_key) DO NOTHING`).
   * Writes tied to a call update go through `UnitOfWork.commitCallChanges` instead.
   */
  enqueue(entries: readonly OutboxEntryInput[]): Promise<EnqueueResult>;

  /** True when an entry with this key exists, whatever its status. */
  has(idempotencyKey: string): Promise<boolean>;

  /** The entries of a call in insertion order. */
  listForCall(callId: string): Promise<OutboxEntry[]>;
}
