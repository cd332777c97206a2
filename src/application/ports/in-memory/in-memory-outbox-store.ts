import type { EnqueueResult, OutboxEntry, OutboxEntryInput, OutboxStore } from '@/application/ports/outbox-store.port';

/** For tests only: the production outbox is a DB table next to the calls. */
export class InMemoryOutboxStore implements OutboxStore {
  private readonly entries: OutboxEntry[] = [];

  async enqueue(entries: readonly OutboxEntryInput[]): Promise<EnqueueResult> {
    return this.enqueueNow(entries);
  }

  /** Synchronous insert-or-ignore, shared with the in-memory unit of work. */
  enqueueNow(entries: readonly OutboxEntryInput[]): EnqueueResult {
    const inserted: string[] = [];
    const ignored: string[] = [];
    for (const entry of entries) {
      if (this.entries.some((e) => e.idempotencyKey === entry.idempotencyKey)) {
        ignored.push(entry.idempotencyKey);
        continue;
      }
      this.entries.push({ ...entry, status: 'pending', attempts: 0 });
      inserted.push(entry.idempotencyKey);
    }
    return { inserted, ignored };
  }

  async has(idempotencyKey: string): Promise<boolean> {
    return this.entries.some((e) => e.idempotencyKey === idempotencyKey);
  }

  async listForCall(callId: string): Promise<OutboxEntry[]> {
    return this.entries.filter((e) => e.callId === callId);
  }

  /** Every entry in insertion order (tests). */
  all(): readonly OutboxEntry[] {
    return [...this.entries];
  }
}
