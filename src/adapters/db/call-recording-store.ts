import { eq } from 'drizzle-orm';
import type { CallRecordings } from '@/application/ports/call-recordings.port';
import { rows, runAtomically, RollbackWith } from './atomic-work';
import type { Database } from './database';
import { enqueueWork } from './outbox-store';

/**
 * `CallRecordings` in the `call_recordings` table (migration 0007): the row and its outbox write
 * go in one transaction; the bytes are dropped once delivered, the row stays (one per call).
 */
export function createCallRecordingStore(database: Database): CallRecordings {
  const { db, tables } = database;
  const { callRecordings } = tables;
  return {
    store(recording, write) {
      return runAtomically(database, function* () {
        const added = yield* rows((tx) =>
          tx
            .insert(callRecordings)
            .values({
              callId: recording.callId,
              companyId: recording.companyId,
              contentType: recording.contentType,
              bytes: Buffer.from(recording.bytes.buffer, recording.bytes.byteOffset, recording.bytes.byteLength),
              size: recording.bytes.byteLength,
              createdAt: recording.createdAt,
            })
            .onConflictDoNothing({ target: callRecordings.callId })
            .returning({ callId: callRecordings.callId }),
        );
        if (added.length === 0) throw new RollbackWith('duplicate' as const);
        yield* enqueueWork(tables, [write]);
        return 'stored' as const;
      });
    },
    async load(callId) {
      const [row] = await db
        .select({ contentType: callRecordings.contentType, bytes: callRecordings.bytes })
        .from(callRecordings)
        .where(eq(callRecordings.callId, callId))
        .limit(1);
      if (row?.bytes == null) return undefined;
      return { contentType: row.contentType, bytes: new Uint8Array(row.bytes) };
    },
    async discardBytes(callId) {
      await db.update(callRecordings).set({ bytes: null }).where(eq(callRecordings.callId, callId));
    },
  };
}
