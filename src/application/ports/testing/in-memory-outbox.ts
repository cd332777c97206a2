import type { EpochMillis } from '@/domain/call';
import type { EnqueueResult, OutboxEntry, OutboxEntryInput, OutboxStore } from '@/application/ports/outbox-store.port';
import type { DeliveryOutcome, OutboxDeliveries, OutboxDelivery } from '@/application/outbox/outbox-deliveries.port';
import { deliveredAfterKey } from '@/domain/wrap-up';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * For tests: the outbox with its delivery side, behaving like the DB table (`DrizzleOutboxStore`;
 * the contract tests run both). Everything is synchronous between awaits, which makes each claim
 * a compare-and-set; `enqueueNow` lets `InMemoryUnitOfWork` enqueue in the same tick as it
 * updates the call.
 */
export class InMemoryOutbox implements OutboxStore, OutboxDeliveries {
  private readonly rows: Mutable<OutboxDelivery>[] = [];
  private nextSequence = 1;

  async enqueue(entries: readonly OutboxEntryInput[]): Promise<EnqueueResult> {
    return this.enqueueNow(entries);
  }

  /** Synchronous insert-or-ignore, shared with the in-memory unit of work. */
  enqueueNow(entries: readonly OutboxEntryInput[]): EnqueueResult {
    const inserted: string[] = [];
    const ignored: string[] = [];
    for (const entry of entries) {
      if (this.rows.some((row) => row.idempotencyKey === entry.idempotencyKey)) {
        ignored.push(entry.idempotencyKey);
        continue;
      }
      this.rows.push({
        ...entry,
        sequence: this.nextSequence++,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: entry.enqueuedAt,
        lastError: null,
        outcomeUnknown: false,
        result: null,
        deliveredAt: null,
        leaseOwner: null,
        leaseExpiresAt: null,
      });
      inserted.push(entry.idempotencyKey);
    }
    return { inserted, ignored };
  }

  async has(idempotencyKey: string): Promise<boolean> {
    return this.rows.some((row) => row.idempotencyKey === idempotencyKey);
  }

  async listForCall(callId: string): Promise<OutboxEntry[]> {
    return this.rows.filter((row) => row.callId === callId).map(toEntry);
  }

  /** Every entry in insertion order (tests). */
  all(): readonly OutboxEntry[] {
    return this.rows.map(toEntry);
  }

  async listDeliveries(callId: string): Promise<OutboxDelivery[]> {
    return this.rows.filter((row) => row.callId === callId).map((row) => ({ ...row }));
  }

  async findByKey(idempotencyKey: string): Promise<OutboxDelivery | undefined> {
    const row = this.rows.find((r) => r.idempotencyKey === idempotencyKey);
    return row ? { ...row } : undefined;
  }

  async claimNext({ owner, now, leaseMs }: { owner: string; now: EpochMillis; leaseMs: number }): Promise<OutboxDelivery | undefined> {
    const row = this.rows.find((candidate) => this.isDue(candidate, now) && this.isReady(candidate));
    if (!row) return undefined;
    row.outcomeUnknown = row.outcomeUnknown || row.status === 'delivering';
    row.status = 'delivering';
    row.leaseOwner = owner;
    row.leaseExpiresAt = now + leaseMs;
    row.attempts += 1;
    return { ...row };
  }

  async complete(sequence: number, owner: string, outcome: DeliveryOutcome): Promise<boolean> {
    const row = this.rows.find((r) => r.sequence === sequence);
    if (!row || row.status !== 'delivering' || row.leaseOwner !== owner) return false;
    row.leaseOwner = null;
    row.leaseExpiresAt = null;
    if (outcome.kind === 'delivered') {
      Object.assign(row, { status: 'delivered', result: outcome.result, deliveredAt: outcome.at, lastError: null, outcomeUnknown: false });
    } else if (outcome.kind === 'retry') {
      Object.assign(row, { status: 'pending', nextAttemptAt: outcome.nextAttemptAt, lastError: outcome.error, outcomeUnknown: outcome.outcomeUnknown });
      if (outcome.refundAttempt === true) row.attempts = Math.max(0, row.attempts - 1);
    } else {
      Object.assign(row, { status: 'failed', lastError: outcome.error, outcomeUnknown: outcome.outcomeUnknown ?? false });
    }
    return true;
  }

  async requeueFailed(callId: string, now: EpochMillis): Promise<number> {
    const failed = this.rows.filter((row) => row.callId === callId && row.status === 'failed');
    for (const row of failed) Object.assign(row, { status: 'pending', nextAttemptAt: now, attempts: 0, lastError: null });
    const waiting = this.rows.filter((row) => row.callId === callId && row.status === 'pending' && row.nextAttemptAt > now);
    for (const row of waiting) row.nextAttemptAt = now;
    return failed.length + waiting.length;
  }

  private isDue(row: OutboxDelivery, now: EpochMillis): boolean {
    if (row.status === 'pending') return row.nextAttemptAt <= now;
    return row.status === 'delivering' && row.leaseExpiresAt !== null && row.leaseExpiresAt <= now;
  }

  /** A write waiting for a named write goes once that one is delivered; others wait for their call's earlier writes. */
  private isReady(row: OutboxDelivery): boolean {
    const after = deliveredAfterKey(row.write);
    if (after !== null) return this.rows.some((other) => other.idempotencyKey === after && other.status === 'delivered');
    return !this.rows.some(
      (other) =>
        other.callId === row.callId &&
        other.sequence < row.sequence &&
        (other.status === 'pending' || other.status === 'delivering') &&
        deliveredAfterKey(other.write) === null,
    );
  }
}

function toEntry(row: OutboxDelivery): OutboxEntry {
  return {
    idempotencyKey: row.idempotencyKey,
    companyId: row.companyId,
    actingUserId: row.actingUserId,
    callId: row.callId,
    write: row.write,
    enqueuedAt: row.enqueuedAt,
    status: row.status === 'delivering' ? 'pending' : row.status,
    attempts: row.attempts,
  };
}
