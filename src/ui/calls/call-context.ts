/**
 * Who is on the line and what the Dialer offers for them: pure functions over a call and the
 * agent's pick among the caller matches.
 */
import type { CallerMatch, CallView, DealSummary, WrapUpRequest } from './call-types';

/** The agent's pick: which matched person, which of their open deals. */
export interface ContactChoice {
  personId: number | null;
  dealId: number | null;
}

export const NO_CHOICE: ContactChoice = { personId: null, dealId: null };

export function matchOf(call: CallView, personId: number | null): CallerMatch | null {
  if (personId === null) return null;
  return call.caller.matches.find((match) => match.person.id === personId) ?? null;
}

function dealFor(match: CallerMatch | null, ...preferred: (number | null | undefined)[]): number | null {
  const deals = match?.openDeals ?? [];
  for (const dealId of preferred) {
    if (dealId != null && deals.some((deal) => deal.id === dealId)) return dealId;
  }
  return deals[0]?.id ?? null;
}

/**
 * The preselection: the person the server already chose, else the remembered one (if they still
 * match), else the only match. Several matches and nothing remembered: the agent picks.
 */
export function initialChoice(call: CallView): ContactChoice {
  const { matches, remembered } = call.caller;
  const candidates = [call.personId, remembered?.personId, matches.length === 1 ? matches[0]?.person.id : null];
  for (const personId of candidates) {
    const match = matchOf(call, personId ?? null);
    if (match) return { personId: match.person.id, dealId: dealFor(match, call.dealId, remembered?.dealId) };
  }
  // A person the lookup did not return (e.g. a contact created by the wrap-up) still counts.
  return call.personId === null ? NO_CHOICE : { personId: call.personId, dealId: call.dealId };
}

/** The agent picked another person: their remembered deal, else their first open deal. */
export function choosePerson(call: CallView, personId: number): ContactChoice {
  const match = matchOf(call, personId);
  const remembered = call.caller.remembered;
  const rememberedDeal = remembered?.personId === personId ? remembered.dealId : null;
  return { personId, dealId: dealFor(match, rememberedDeal) };
}

/** Which wrap-up the Dialer offers next to the plain "Hang up". */
export type WrapUpContext =
  | { kind: 'deal'; personId: number; deals: DealSummary[]; dealId: number }
  | { kind: 'contact'; personId: number }
  | { kind: 'unknown' }
  /** Several persons match and none is picked yet: only the plain "Hang up" until the agent picks. */
  | { kind: 'pick-person' };

export function wrapUpContext(call: CallView, choice: ContactChoice): WrapUpContext {
  const { matches } = call.caller;
  if (choice.personId === null) {
    if (matches.length === 0) return { kind: 'unknown' };
    return { kind: 'pick-person' };
  }
  const deals = matchOf(call, choice.personId)?.openDeals ?? [];
  const dealId = deals.some((deal) => deal.id === choice.dealId) ? choice.dealId : (deals[0]?.id ?? null);
  if (dealId !== null) return { kind: 'deal', personId: choice.personId, deals, dealId };
  return { kind: 'contact', personId: choice.personId };
}

export const NOTES_MAX_LENGTH = 10_000;

export type WrapUpIntent = 'hang_up' | 'notes_to_deal' | 'notes_to_contact' | 'create_contact';

export type BuiltWrapUp = { ok: true; request: WrapUpRequest } | { ok: false; message: string };

/** The body of POST /api/calls/:id/wrap-up for the button the agent pressed. */
export function buildWrapUp(
  intent: WrapUpIntent,
  context: WrapUpContext,
  input: { notes: string; contactName: string },
): BuiltWrapUp {
  const notes = input.notes.trim();
  if (notes.length > NOTES_MAX_LENGTH) {
    return { ok: false, message: `Notes are too long: keep them under ${NOTES_MAX_LENGTH.toLocaleString('en')} characters.` };
  }
  switch (intent) {
    case 'hang_up':
      return { ok: true, request: { notes, action: { type: 'hang_up' } } };
    case 'notes_to_deal':
      if (context.kind !== 'deal') return { ok: false, message: 'Pick a deal first.' };
      return { ok: true, request: { notes, action: { type: 'notes_to_deal', dealId: context.dealId } } };
    case 'notes_to_contact':
      if (context.kind !== 'contact' && context.kind !== 'deal') return { ok: false, message: 'Pick who is calling first.' };
      return { ok: true, request: { notes, action: { type: 'notes_to_contact', personId: context.personId } } };
    case 'create_contact': {
      const name = input.contactName.trim();
      if (name === '') return { ok: false, message: 'Enter a name for the new contact.' };
      return { ok: true, request: { notes, action: { type: 'create_contact', name } } };
    }
  }
}

/**
 * The name to show for a call: the chosen person, the contact created at wrap-up, the only match,
 * else null (unknown caller).
 */
export function callerName(call: CallView, choice: ContactChoice = NO_CHOICE): string | null {
  const chosen = matchOf(call, choice.personId ?? call.personId);
  const match = chosen ?? (call.newContactName ? null : call.caller.matches.length === 1 ? call.caller.matches[0] : null);
  const name = match?.person.name.trim() ?? call.newContactName?.trim();
  return name ? name : null;
}

/** The number as people read it. */
export function callNumber(call: CallView): string {
  return call.caller.number.display || call.remoteNumber;
}
