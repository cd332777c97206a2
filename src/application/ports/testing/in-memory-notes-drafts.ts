import type { NotesDraft, NotesDrafts } from '../notes-drafts.port';

/** `NotesDrafts` in a map (tests, one process). */
export class InMemoryNotesDrafts implements NotesDrafts {
  private readonly drafts = new Map<string, NotesDraft>();

  async save(companyId: number, draft: NotesDraft): Promise<void> {
    this.drafts.set(`${companyId}:${draft.callId}`, { ...draft });
  }

  async find(companyId: number, callId: string): Promise<NotesDraft | undefined> {
    return this.drafts.get(`${companyId}:${callId}`);
  }
}
