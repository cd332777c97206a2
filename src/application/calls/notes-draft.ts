import type { Result } from '@/domain/errors';
import type { WrapUpError } from '@/domain/wrap-up';
import type { NotesDraft } from '@/application/ports/notes-drafts.port';
import type { CallDeps } from './call-deps';
import type { CallNotFoundError, CallNotYoursError } from './call-errors';

/** The longest draft kept: well above a call's notes, small enough for one row and one push. */
export const MAX_NOTES_DRAFT_LENGTH = 10_000;

export interface SaveNotesDraftInput {
  readonly companyId: number;
  readonly userId: number;
  readonly callId: string;
  readonly text: string;
  /** The tab that typed it: it already shows the text, the agent's other tabs are told. */
  readonly tabId?: string;
}

export type SaveNotesDraftError = CallNotFoundError | CallNotYoursError | WrapUpError;

export type SaveNotesDraftResult = Result<{ readonly draft: NotesDraft }, SaveNotesDraftError>;

type Deps = Pick<CallDeps, 'calls' | 'notesDrafts' | 'notifier' | 'clock'>;

/**
 * Keeps what the agent typed so far for their call (debounced by the window). Only the call's
 * agent may, and only until the wrap-up: after it the notes went to Pipedrive and a late draft
 * would never be read.
 */
export async function saveNotesDraft(deps: Deps, input: SaveNotesDraftInput): Promise<SaveNotesDraftResult> {
  const { companyId, userId, callId } = input;
  const stored = await deps.calls.get(companyId, callId);
  if (stored === undefined) return { ok: false, error: { code: 'CALL_NOT_FOUND', callId } };
  if (stored.call.agentUserId !== userId) return { ok: false, error: { code: 'CALL_NOT_YOURS', callId } };
  if (stored.call.state === 'wrapped_up') return { ok: false, error: { code: 'WRAP_UP_ALREADY_DONE', callId } };
  const draft: NotesDraft = { callId, text: input.text.slice(0, MAX_NOTES_DRAFT_LENGTH), updatedAt: deps.clock.now() };
  await deps.notesDrafts.save(companyId, draft);
  await deps.notifier.notesDraftChanged(companyId, userId, draft, input.tabId);
  return { ok: true, draft };
}

/** The agent's draft of their call, for a (re)loading window; undefined for someone else's call. */
export async function readNotesDraft(
  deps: Pick<CallDeps, 'notesDrafts'>,
  input: { readonly companyId: number; readonly userId: number; readonly call: { readonly id: string; readonly agentUserId?: number | null } },
): Promise<NotesDraft | undefined> {
  if (input.call.agentUserId !== input.userId) return undefined;
  return deps.notesDrafts.find(input.companyId, input.call.id);
}
