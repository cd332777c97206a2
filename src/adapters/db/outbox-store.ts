import { and, asc, eq, gt, lte, or, sql } from 'drizzle-orm';
import type { EpochMillis } from '@/domain/call';
import { deliveredAfterKey } from '@/domain/wrap-up';
import type { EnqueueResult, OutboxEntry, OutboxEntryInput, OutboxStore } from '@/application/ports/outbox-store.port';
import type { DeliveryOutcome, OutboxDeliveries, OutboxDelivery } from '@/application/outbox/outbox-deliveries.port';
import { rows, runAtomically, type AtomicWork } from './atomic-work';
import type { Database, Tables } from './database';

type OutboxRow = Tables['outbox']['$inferSelect'];

/** How many due candidates one claim looks at: another worker may take the first ones meanwhile. */
const CLAIM_CANDIDATES = 10;

/** The outbox table: `OutboxStore` for the use cases, `OutboxDeliveries` for the delivery worker. */
export class DrizzleOutboxStore implements OutboxStore, OutboxDeliveries {
  constructor(private readonly database: Database) {}

  private get outbox(): Tables['outbox'] {
    return this.database.tables.outbox;
  }

  async enqueue(entries: readonly OutboxEntryInput[]): Promise<EnqueueResult> {
    const { tables } = this.database;
    return runAtomically(this.database, () => enqueueWork(tables, entries));
  }

  async has(idempotencyKey: string): Promise<boolean> {
    const found = await this.database.db
      .select({ sequence: this.outbox.sequence })
      .from(this.outbox)
      .where(eq(this.outbox.idempotencyKey, idempotencyKey))
      .limit(1);
    return found.length > 0;
  }

  async listForCall(callId: string): Promise<OutboxEntry[]> {
    return (await this.listDeliveries(callId)).map((delivery) => ({
      idempotencyKey: delivery.idempotencyKey,
      companyId: delivery.companyId,
      actingUserId: delivery.actingUserId,
      callId: delivery.callId,
      write: delivery.write,
      enqueuedAt: delivery.enqueuedAt,
      // The port knows no "being delivered": to the use cases that is still pending.
      status: delivery.status === 'delivering' ? 'pending' : delivery.status,
      attempts: delivery.attempts,
    }));
  }

  async listDeliveries(callId: string): Promise<OutboxDelivery[]> {
    const found = await this.database.db.select().from(this.outbox).where(eq(this.outbox.callId, callId)).orderBy(asc(this.outbox.sequence));
    return found.map(toDelivery);
  }

  async findByKey(idempotencyKey: string): Promise<OutboxDelivery | undefined> {
    const [row] = await this.database.db.select().from(this.outbox).where(eq(this.outbox.idempotencyKey, idempotencyKey)).limit(1);
    return row ? toDelivery(row) : undefined;
  }

  async claimNext({ owner, now, leaseMs }: { owner: string; now: EpochMillis; leaseMs: number }): Promise<OutboxDelivery | undefined> {
    const { outbox } = this;
    const isDue = or(
      and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)),
      and(eq(outbox.status, 'delivering'), lte(outbox.leaseExpiresAt, now)),
    );
    // In the call's order, except an entry that waits for a named one (a recording for its call
    // log): it goes once that one is delivered, and holds back nothing itself.
    const ready = sql`case when ${outbox.afterKey} is null
      then not exists (select 1 from ${outbox} as earlier where earlier.call_id = ${outbox.callId} and earlier.sequence < ${outbox.sequence} and earlier.status in ('pending', 'delivering') and earlier.after_key is null)
      else exists (select 1 from ${outbox} as source where source.idempotency_key = ${outbox.afterKey} and source.status = 'delivered') end`;
    const candidates = await this.database.db
      .select()
      .from(outbox)
      .where(and(isDue, ready))
      .orderBy(asc(outbox.sequence))
      .limit(CLAIM_CANDIDATES);
    for (const candidate of candidates) {
      const claimed = await this.claim(candidate, owner, now, leaseMs);
      if (claimed) return claimed;
    }
    return undefined;
  }

  /** Compare-and-set on the state the candidate was read in: only one worker's UPDATE matches. */
  private async claim(candidate: OutboxRow, owner: string, now: EpochMillis, leaseMs: number): Promise<OutboxDelivery | undefined> {
    const { outbox } = this;
    const stillDue =
      candidate.status === 'pending'
        ? and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now))
        : and(eq(outbox.status, 'delivering'), lte(outbox.leaseExpiresAt, now), eq(outbox.attempts, candidate.attempts));
    const [row] = await this.database.db
      .update(outbox)
      .set({
        status: 'delivering',
        leaseOwner: owner,
        leaseExpiresAt: now + leaseMs,
        attempts: sql`${outbox.attempts} + 1`,
        outcomeUnknown: candidate.outcomeUnknown || candidate.status === 'delivering',
      })
      .where(and(eq(outbox.sequence, candidate.sequence), stillDue))
      .returning();
    return row ? toDelivery(row) : undefined;
  }

  async complete(sequence: number, owner: string, outcome: DeliveryOutcome): Promise<boolean> {
    const { outbox } = this;
    const release = { leaseOwner: null, leaseExpiresAt: null };
    const changes =
      outcome.kind === 'delivered'
        ? { ...release, status: 'delivered' as const, result: outcome.result, deliveredAt: outcome.at, lastError: null, outcomeUnknown: false }
        : outcome.kind === 'retry'
          ? {
              ...release,
              status: 'pending' as const,
              nextAttemptAt: outcome.nextAttemptAt,
              lastError: outcome.error,
              outcomeUnknown: outcome.outcomeUnknown,
              ...(outcome.refundAttempt === true ? { attempts: sql`case when ${outbox.attempts} > 0 then ${outbox.attempts} - 1 else 0 end` } : {}),
            }
          : { ...release, status: 'failed' as const, lastError: outcome.error, outcomeUnknown: outcome.outcomeUnknown ?? false };
    const updated = await this.database.db
      .update(outbox)
      .set(changes)
      .where(and(eq(outbox.sequence, sequence), eq(outbox.status, 'delivering'), eq(outbox.leaseOwner, owner)))
      .returning({ sequence: outbox.sequence });
    return updated.length === 1;
  }

  async requeueFailed(callId: string, now: EpochMillis): Promise<number> {
    const { outbox } = this;
    const updated = await this.database.db
      .update(outbox)
      .set({ status: 'pending', nextAttemptAt: now, attempts: 0, lastError: null })
      .where(and(eq(outbox.callId, callId), eq(outbox.status, 'failed')))
      .returning({ sequence: outbox.sequence });
    const broughtForward = await this.database.db
      .update(outbox)
      .set({ nextAttemptAt: now })
      .where(and(eq(outbox.callId, callId), eq(outbox.status, 'pending'), gt(outbox.nextAttemptAt, now)))
      .returning({ sequence: outbox.sequence });
    return updated.length + broughtForward.length;
  }
}

/** Insert-or-ignore by idempotency key, in the order given; shared with the unit of work. */
export function* enqueueWork(tables: Tables, entries: readonly OutboxEntryInput[]): AtomicWork<EnqueueResult> {
  const { outbox } = tables;
  const inserted: string[] = [];
  const ignored: string[] = [];
  for (const entry of entries) {
    const added = yield* rows((db) =>
      db
        .insert(outbox)
        .values({
          idempotencyKey: entry.idempotencyKey,
          companyId: entry.companyId,
          actingUserId: entry.actingUserId,
          callId: entry.callId,
          write: entry.write,
          afterKey: deliveredAfterKey(entry.write),
          status: 'pending',
          attempts: 0,
          nextAttemptAt: entry.enqueuedAt,
          enqueuedAt: entry.enqueuedAt,
        })
        .onConflictDoNothing({ target: outbox.idempotencyKey })
        .returning({ key: outbox.idempotencyKey }),
    );
    (added.length > 0 ? inserted : ignored).push(entry.idempotencyKey);
  }
  return { inserted, ignored };
}

function toDelivery(row: OutboxRow): OutboxDelivery {
  return {
    sequence: Number(row.sequence),
    idempotencyKey: row.idempotencyKey,
    companyId: row.companyId,
    actingUserId: row.actingUserId ?? null,
    callId: row.callId,
    write: row.write,
    enqueuedAt: Number(row.enqueuedAt),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: Number(row.nextAttemptAt),
    lastError: row.lastError ?? null,
    outcomeUnknown: row.outcomeUnknown,
    result: row.result ?? null,
    deliveredAt: row.deliveredAt === null ? null : Number(row.deliveredAt),
    leaseOwner: row.leaseOwner ?? null,
    leaseExpiresAt: row.leaseExpiresAt === null ? null : Number(row.leaseExpiresAt),
  };
}
