/** What the follow-up screen offers after a wrap-up: pure, from the call and what was submitted. */
import type { ContactChoice } from './call-context';
import { callerName, callNumber } from './call-context';
import type { CallView, WrapUpRequest, WrapUpStatus } from './call-types';
import type { ActivityPrefill, RedirectView } from '@/ui/sdk/pipedrive-sdk';

export type SaveState =
  /** `reason`: why it is not saved yet after a try (e.g. "reconnect the app"); absent on the way. */
  | { status: 'pending'; reason?: string }
  | { status: 'saved'; items: string[] }
  | { status: 'failed'; error: string };

/**
 * The wrap-up as the server last reported it. "Saved" only on the server's word (its outbox
 * delivered every write): submitted or wrapped up but not reported yet = pending.
 */
export function saveStateOf(call: CallView): SaveState {
  const wrapUp = call.wrapUp;
  const status: WrapUpStatus = wrapUp?.status ?? 'pending';
  if (status === 'saved') return { status, items: wrapUp?.savedItems ?? [] };
  if (status === 'failed') return { status, error: wrapUp?.error ?? 'Pipedrive did not accept the call log.' };
  return wrapUp?.error ? { status, reason: wrapUp.error } : { status };
}

/** The deal the notes went to (or the call is linked to), else none. */
export function followUpDealId(call: CallView, sent: WrapUpRequest | null): number | null {
  if (sent?.action.type === 'notes_to_deal') return sent.action.dealId;
  return call.dealId;
}

export function followUpPersonId(call: CallView, sent: WrapUpRequest | null, choice: ContactChoice): number | null {
  if (sent?.action.type === 'notes_to_contact') return sent.action.personId;
  return call.personId ?? choice.personId;
}

export interface PipedriveTarget {
  view: RedirectView;
  id: number;
}

/** "View contact": always the person (the one the notes went to, created or picked); null disables it. */
export function contactTarget(call: CallView, sent: WrapUpRequest | null, choice: ContactChoice): PipedriveTarget | null {
  const personId = followUpPersonId(call, sent, choice);
  return personId === null ? null : { view: 'contacts', id: personId };
}

/** "View deal", beside "View contact" when the call is about a deal; null hides it. */
export function dealTarget(call: CallView, sent: WrapUpRequest | null): PipedriveTarget | null {
  const dealId = followUpDealId(call, sent);
  return dealId === null ? null : { view: 'deals', id: dealId };
}

/** Pipedrive's activity note is HTML: the agent's text goes in escaped, line breaks kept. */
export function notesAsHtml(notes: string): string {
  return notes
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n/g, '<br>');
}

/** The name for the follow-up: the contact just created, the picked person, else the number. */
export function followUpWho(call: CallView, sent: WrapUpRequest | null, choice: ContactChoice): string {
  if (sent?.action.type === 'create_contact') return sent.action.name;
  return callerName(call, choice) ?? callNumber(call);
}

export function followUpActivity(call: CallView, sent: WrapUpRequest | null, choice: ContactChoice): ActivityPrefill {
  const prefill: ActivityPrefill = { subject: `Follow up: ${followUpWho(call, sent, choice)}` };
  const dealId = followUpDealId(call, sent);
  if (dealId !== null) prefill.deal = dealId;
  const notes = sent?.notes.trim() ?? '';
  if (notes !== '') prefill.note = notesAsHtml(notes);
  return prefill;
}
