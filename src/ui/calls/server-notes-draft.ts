/**
 * The notes in progress as the server keeps them (PUT /api/calls/:id/notes-draft), and the
 * server's clock: what a reloading window, a second tab or a reconnect needs to show the same
 * notes and the same timer as before. Pure functions; the hook is `use-notes-draft.ts`.
 */
import type { NotesDraftPayload } from '@/contract/socket-events';

/** A call's notes draft as the server sends it (`call:notes-draft`, and `notesDraft` on resume). */
export type ServerNotesDraft = NotesDraftPayload;

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ callId, text, updatedAt }` of `call:notes-draft`; null when malformed. */
export function readNotesDraftEvent(value: unknown): ServerNotesDraft | null {
  if (!isRecord(value) || typeof value.callId !== 'string' || value.callId === '' || typeof value.text !== 'string') return null;
  const updatedAt = typeof value.updatedAt === 'number' && Number.isFinite(value.updatedAt) ? value.updatedAt : 0;
  return { callId: value.callId, text: value.text, updatedAt };
}

/** The `notesDraft` of GET /api/calls/active for `callId`; null when absent or malformed. */
export function readResumedDraft(value: unknown, callId: string | null): ServerNotesDraft | null {
  if (callId === null || !isRecord(value)) return null;
  return readNotesDraftEvent({ ...value, callId });
}

/**
 * How far the server's clock is ahead of this browser's, from the `serverNow` of an answer: the
 * server read its clock about halfway between sending and receiving. 0 when it did not say.
 */
export function clockOffsetMs(serverNow: unknown, sentAt: number, receivedAt: number): number {
  if (typeof serverNow !== 'number' || !Number.isFinite(serverNow) || serverNow <= 0) return 0;
  return Math.round(serverNow - (sentAt + receivedAt) / 2);
}

/**
 * Which text the notes box shows when the server has a draft: the server's, unless the agent
 * typed here since the last save (their unsaved words must never be overwritten by an older draft).
 */
export function notesAfterServerDraft(input: { shown: string; lastSynced: string; draft: string }): string {
  return input.shown === input.lastSynced ? input.draft : input.shown;
}
