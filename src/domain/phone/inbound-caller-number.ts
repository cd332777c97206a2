import { hasInternationalPrefix, normalizePhoneNumber } from './normalize-phone-number';

/**
 * Whether a typed number can be the caller of a simulated inbound call, with a message a person
 * understands when it cannot. Shared by the Control Center's page (before sending) and its socket's
 * payload schema (for anything that skips the page), so both say the same thing.
 */
export type InboundCallerNumberCheck = { ok: true; number: string } | { ok: false; message: string };

/** Digits and the separators people type; letters are refused before libphonenumber reads "1-800-FLOWERS" as digits. */
const TYPED_NUMBER = /^\+?[\d\s().-]+$/;
const MIN_DIGITS = 6;
const MAX_DIGITS = 15;
const EXAMPLE = 'such as +14155550134';

export function checkInboundCallerNumber(raw: string): InboundCallerNumberCheck {
  const number = raw.trim();
  if (number === '') return { ok: false, message: `Enter the caller's phone number, ${EXAMPLE}.` };
  if (!TYPED_NUMBER.test(number)) {
    return { ok: false, message: `"${number.slice(0, 40)}" is not a phone number: use digits, spaces and + - ( ) only, ${EXAMPLE}.` };
  }
  const digits = number.replace(/\D/g, '').length;
  if (digits < MIN_DIGITS || digits > MAX_DIGITS) return { ok: false, message: `A phone number has ${MIN_DIGITS} to ${MAX_DIGITS} digits, ${EXAMPLE}.` };
  // A national number ("020 7946 0958") is read later with the company's region, unknown here;
  // a number with its country code can be checked now.
  if (hasInternationalPrefix(number) && !normalizePhoneNumber(number).ok) {
    return { ok: false, message: `${number} is not a possible number for its country code.` };
  }
  return { ok: true, number };
}
