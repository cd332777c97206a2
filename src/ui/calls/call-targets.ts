/** Where an outbound call comes from: a contact row, the dial pad, a past call ("Call back"). */
import { primaryPhone, type Contact } from '@/ui/api-types';
import { matchOf } from './call-context';
import type { PlacingTarget } from './call-session-state';
import type { CallSource, CallView } from './call-types';

export function targetFromNumber(number: string, source: CallSource, personId: number | null = null): PlacingTarget {
  return { number, source, personId, name: null, pictureUrl: null, organizationName: null };
}

export function targetFromContact(contact: Contact): PlacingTarget | null {
  const phone = primaryPhone(contact);
  if (!phone) return null;
  return {
    number: phone.value,
    source: 'contact',
    personId: contact.id,
    name: contact.name,
    pictureUrl: contact.pictureUrl,
    organizationName: contact.organizationName,
  };
}

/** "Call back": the number of the past call, with the person it was linked to when known. */
export function targetFromCall(call: CallView): PlacingTarget | null {
  const number = call.caller.number.e164 ?? (call.remoteNumber || call.caller.number.display);
  if (number.trim() === '') return null;
  const match = matchOf(call, call.personId) ?? (call.caller.matches.length === 1 ? (call.caller.matches[0] ?? null) : null);
  if (!match) return targetFromNumber(number, 'dial_pad', call.personId);
  return {
    number,
    source: 'contact',
    personId: match.person.id,
    name: match.person.name,
    pictureUrl: match.person.pictureUrl,
    organizationName: match.person.organizationName,
  };
}
