import { useEffect, useMemo, useRef } from 'react';
import { createNotesDraftSync } from './notes-draft-sync';
import type { ServerNotesDraft } from './server-notes-draft';

export interface UseNotesDraftOptions {
  /** The call the box is for; null while an outbound call has no id yet. */
  callId: string | null;
  /** False once the call was wrapped up (the server refuses drafts then). */
  canSave: boolean;
  notes: string;
  /** What the box got back from sessionStorage for this call ('' when nothing). */
  restored: string;
  setNotes: (notes: string) => void;
  /** The latest draft the server sent (resume or another tab), of any call. */
  serverDraft: ServerNotesDraft | null;
  save: (callId: string, text: string) => Promise<void>;
}

/** The notes box mirrored to the server's draft of its call (see `notes-draft-sync.ts`). */
export function useNotesDraft({ callId, canSave, notes, restored, setNotes, serverDraft, save }: UseNotesDraftOptions): void {
  const saveRef = useRef(save);
  const notesRef = useRef(notes);
  const restoredRef = useRef(restored);
  // First of the effects below, so each of them reads this render's values.
  useEffect(() => {
    saveRef.current = save;
    notesRef.current = notes;
    restoredRef.current = restored;
  });
  const sync = useMemo(() => createNotesDraftSync({ save: (id, text) => saveRef.current(id, text) }), []);

  useEffect(() => {
    sync.reset(restoredRef.current);
    return () => sync.reset();
  }, [sync, callId]);

  const applied = useRef<ServerNotesDraft | null>(null);
  useEffect(() => {
    if (serverDraft === null || serverDraft.callId !== callId || applied.current === serverDraft) return;
    applied.current = serverDraft;
    const next = sync.received(serverDraft.text, notesRef.current);
    if (next !== notesRef.current) setNotes(next);
  }, [serverDraft, callId, sync, setNotes]);

  useEffect(() => {
    if (callId !== null && canSave) sync.typed(callId, notes);
  }, [sync, callId, canSave, notes]);
}
