import { and, eq } from 'drizzle-orm';
import type { NotesDrafts } from '@/application/ports/notes-drafts.port';
import type { Database } from './database';

/** `NotesDrafts` in the `call_notes_drafts` table (migration 0006), one row per call. */
export function createNotesDraftStore(database: Database): NotesDrafts {
  const { db, tables } = database;
  const { callNotesDrafts } = tables;
  return {
    async save(companyId, draft) {
      const values = { callId: draft.callId, companyId, text: draft.text, updatedAt: draft.updatedAt };
      // Call ids are unique across companies; the company check keeps one company from
      // overwriting another's row should an id ever be guessed.
      await db
        .insert(callNotesDrafts)
        .values(values)
        .onConflictDoUpdate({ target: callNotesDrafts.callId, set: { text: draft.text, updatedAt: draft.updatedAt }, where: eq(callNotesDrafts.companyId, companyId) });
    },
    async find(companyId, callId) {
      const rows = await db
        .select({ callId: callNotesDrafts.callId, text: callNotesDrafts.text, updatedAt: callNotesDrafts.updatedAt })
        .from(callNotesDrafts)
        .where(and(eq(callNotesDrafts.companyId, companyId), eq(callNotesDrafts.callId, callId)))
        .limit(1);
      return rows[0];
    },
  };
}
