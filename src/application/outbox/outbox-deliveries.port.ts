import type { EpochMillis } from '@/domain/call';
import type { OutboxEntryInput } from '@/application/ports/outbox-store.port';

/** `delivering`: claimed by a worker whose lease runs until `leaseExpiresAt`. */
export type DeliveryStatus = 'pending' | 'delivering' | 'delivered' | 'failed';

/** What Pipedrive answered for a write: the id of what it created. */
export interface WriteResult {
  readonly id: number | string;
}

/** An outbox entry with its delivery state. */
export interface OutboxDelivery extends OutboxEntryInput {
  /** Insertion order across the whole outbox. */
  readonly sequence: number;
  readonly status: DeliveryStatus;
  /** Attempts started so far (a claim counts as one). */
  readonly attempts: number;
  readonly nextAttemptAt: EpochMillis;
  readonly lastError: string | null;
  /**
   * An earlier attempt may have reached Pipedrive without us hearing back (no response, or a
   * worker lost its lease mid-delivery): delivering again could create a duplicate.
   */
  readonly outcomeUnknown: boolean;
  readonly result: WriteResult | null;
  readonly deliveredAt: EpochMillis | null;
  readonly leaseOwner: string | null;
  readonly leaseExpiresAt: EpochMillis | null;
}

export type DeliveryOutcome =
  | { readonly kind: 'delivered'; readonly result: WriteResult; readonly at: EpochMillis }
  | {
      readonly kind: 'retry';
      readonly nextAttemptAt: EpochMillis;
      readonly error: string;
      readonly outcomeUnknown: boolean;
      /** The attempt does not count against the budget (waiting for a reconnect is not a failure). */
      readonly refundAttempt?: boolean;
    }
  | {
      readonly kind: 'failed';
      readonly error: string;
      readonly at: EpochMillis;
      /** Some attempt may have landed: the window's Retry looks it up before sending (absent: false). */
      readonly outcomeUnknown?: boolean;
    };

/**
 * The delivery side of the outbox, used by the delivery worker only. Implemented next to the
 * `OutboxStore` of the same storage (one table), so enqueued entries become deliverable.
 */
export interface OutboxDeliveries {
  /**
   * Claims the next due entry for `owner` until `now + leaseMs`, or undefined when none is due.
   * Due: pending with `nextAttemptAt <= now`, or delivering with an expired lease (its worker
   * died; the claim then sets `outcomeUnknown`). An entry is never due while an earlier entry
   * (lower sequence) of the same call is pending or delivering: a call's writes go in order.
   * The claim is a compare-and-set, so two workers never hold the same entry.
   */
  claimNext(claim: { readonly owner: string; readonly now: EpochMillis; readonly leaseMs: number }): Promise<OutboxDelivery | undefined>;

  /** Records the outcome if `owner` still holds the entry; false when its lease was lost. */
  complete(sequence: number, owner: string, outcome: DeliveryOutcome): Promise<boolean>;

  findByKey(idempotencyKey: string): Promise<OutboxDelivery | undefined>;

  /** A call's entries in insertion order. */
  listDeliveries(callId: string): Promise<OutboxDelivery[]>;

  /**
   * Puts a call's failed entries back to pending, due at `now` with a fresh attempt budget, and
   * makes its waiting (pending) entries due at `now`; returns how many entries it touched.
   */
  requeueFailed(callId: string, now: EpochMillis): Promise<number>;
}
