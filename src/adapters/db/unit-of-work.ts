import type { CallChanges, CommitCallChangesResult, UnitOfWork } from '@/application/ports/unit-of-work.port';
import { RollbackWith, runAtomically, type AtomicWork } from './atomic-work';
import { agentBusyOrThrow, updateCallWork } from './call-store';
import type { Database } from './database';
import { enqueueWork } from './outbox-store';

/**
 * One transaction: the compare-and-set call update, then the outbox inserts. A version conflict
 * or an agent-busy violation rolls back (nothing enqueued) and is returned; other failures roll
 * back and reject.
 */
export class DrizzleUnitOfWork implements UnitOfWork {
  constructor(private readonly database: Database) {}

  async commitCallChanges(changes: CallChanges): Promise<CommitCallChangesResult> {
    const { tables } = this.database;
    try {
      return await runAtomically(this.database, function* (): AtomicWork<CommitCallChangesResult> {
        const updated = yield* updateCallWork(tables, changes.record, changes.expectedVersion);
        if (!updated.ok) throw new RollbackWith<CommitCallChangesResult>(updated);
        const enqueued = yield* enqueueWork(tables, changes.enqueue);
        return { ok: true, stored: updated.stored, enqueued };
      });
    } catch (error) {
      return { ok: false, error: await agentBusyOrThrow(this.database, changes.record, error) };
    }
  }
}
