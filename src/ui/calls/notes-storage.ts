/**
 * Notes typed during a call survive a reload of the window: sessionStorage, one key per call.
 * Storage can be missing or throw (third-party iframes with blocked storage), so every access is
 * guarded and a failure only means the notes are not kept across reloads.
 */
export type NotesStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'caller.notes.';

export function notesKey(callId: string): string {
  return PREFIX + callId;
}

/** The page's sessionStorage, or null when the browser refuses it. */
export function browserNotesStorage(): NotesStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function loadNotes(storage: NotesStorage | null, callId: string | null): string {
  if (!storage || callId === null) return '';
  try {
    return storage.getItem(notesKey(callId)) ?? '';
  } catch {
    return '';
  }
}

export function saveNotes(storage: NotesStorage | null, callId: string | null, notes: string): void {
  if (!storage || callId === null) return;
  try {
    if (notes === '') storage.removeItem(notesKey(callId));
    else storage.setItem(notesKey(callId), notes);
  } catch {
    // Quota or blocked storage: the notes still live in the page.
  }
}

export function clearNotes(storage: NotesStorage | null, callId: string | null): void {
  saveNotes(storage, callId, '');
}
