import type { Result } from '@/domain/errors';
import type { CallRecord, CallStoreAgentBusy, CallStoreVersionConflict, StoredCall } from './call-store.port';
import type { EnqueueResult, OutboxEntryInput } from './outbox-store.port';

/** A call update and the Pipedrive writes it causes: both happen, or neither. */
export interface CallChanges {
  readonly record: CallRecord;
  readonly expectedVersion: number;
  readonly enqueue: readonly OutboxEntryInput[];
}

export type CommitCallChangesResult = Result<
  { readonly stored: StoredCall; readonly enqueued: EnqueueResult },
  CallStoreVersionConflict | CallStoreAgentBusy
>;

/**
 * Atomic commit of a call update with its outbox entries.
 *
 * Declarative on purpose (the changes are computed first, then handed over): better-sqlite3
 * transactions are synchronous and cannot await a callback, while PostgreSQL transactions are
 * asynchronous. Both implement this the same way:
 *
 *   BEGIN
 *     UPDATE calls SET ..., version = version + 1 WHERE id = ? AND version = ?
 *     -- 0 rows: ROLLBACK and return CALL_STORE_VERSION_CONFLICT (nothing enqueued)
 *     -- agent-busy index violated: ROLLBACK and return CALL_STORE_AGENT_BUSY
 *     INSERT INTO outbox ... ON CONFLICT (idempotency_key) DO NOTHING   -- per entry, in order
 *   COMMIT
 *
 * (SQLite: `db.transaction(() => { ... })()` with the synchronous driver; PostgreSQL:
 * `await db.transaction(async (tx) => { ... })`.) Rejects only on infrastructure failure, after
 * rolling back.
 */
export interface UnitOfWork {
  commitCallChanges(changes: CallChanges): Promise<CommitCallChangesResult>;
}
