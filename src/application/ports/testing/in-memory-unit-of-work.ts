import type { CallChanges, CommitCallChangesResult, UnitOfWork } from '@/application/ports/unit-of-work.port';
import type { InMemoryCallStore } from './in-memory-call-store';
import type { InMemoryOutbox } from './in-memory-outbox';

/**
 * Atomic because it never yields between the compare-and-set and the enqueue (JavaScript runs it
 * to completion), the same guarantee a DB transaction gives.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  constructor(
    private readonly calls: InMemoryCallStore,
    private readonly outbox: InMemoryOutbox,
  ) {}

  async commitCallChanges(changes: CallChanges): Promise<CommitCallChangesResult> {
    const updated = this.calls.updateNow(changes.record, changes.expectedVersion);
    if (!updated.ok) return updated;
    return { ok: true, stored: updated.stored, enqueued: this.outbox.enqueueNow(changes.enqueue) };
  }
}
