/**
 * Keeps the notes box and the server's draft of a call in step, without React: what the agent
 * types is saved after a pause (one request per pause, not per key), and a draft from the server
 * (a reload's resume, another tab) replaces the box's text unless the agent typed since the last
 * save. The hook `use-notes-draft.ts` drives it.
 */
import { notesAfterServerDraft } from './server-notes-draft';

export const NOTES_DRAFT_SAVE_DELAY_MS = 700;

export interface DraftTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface NotesDraftSyncOptions {
  save: (callId: string, text: string) => Promise<void>;
  delayMs?: number;
  timers?: DraftTimers;
}

export interface NotesDraftSync {
  /** The box shows `text` for the call: save it after the pause unless the server has it already. */
  typed(callId: string, text: string): void;
  /** The server's draft arrived: the text the box should show now. */
  received(draftText: string, shown: string): string;
  /**
   * Another call took the box: forget the previous one's state and any pending save. `restored`:
   * the text the box got back from sessionStorage (the offline fallback), which a draft from the
   * server replaces, as the server's is the one every tab saw.
   */
  reset(restored?: string): void;
}

const browserTimers: DraftTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createNotesDraftSync({ save, delayMs = NOTES_DRAFT_SAVE_DELAY_MS, timers = browserTimers }: NotesDraftSyncOptions): NotesDraftSync {
  // The text the server is known to hold (saved from here, or received from it).
  let lastSynced = '';
  let pending: unknown;
  const cancel = () => {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = undefined;
  };
  return {
    typed(callId, text) {
      cancel();
      if (text === lastSynced) return;
      pending = timers.setTimeout(() => {
        pending = undefined;
        save(callId, text).then(
          () => {
            lastSynced = text;
          },
          // Offline or refused: the text stays in the box and in sessionStorage; the next pause tries again.
          () => undefined,
        );
      }, delayMs);
    },
    received(draftText, shown) {
      const next = notesAfterServerDraft({ shown, lastSynced, draft: draftText });
      lastSynced = draftText;
      return next;
    },
    reset(restored = '') {
      cancel();
      lastSynced = restored;
    },
  };
}
