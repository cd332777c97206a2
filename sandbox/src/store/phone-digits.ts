/**
 * How the sandbox matches phone numbers in person search (documented in the README).
 * Real Pipedrive's matching is not documented; this rule is deliberately formatting-blind so that the
 * same number written as "+44 20 7946 0958", "020 7946 0958", "(020) 7946-0958" or "442079460958" is
 * one number, while unrelated numbers stay apart.
 *
 * 1. Keep digits only, then drop leading zeros (national trunk prefix "0", international prefix "00").
 * 2. Two numbers are the same when those digit strings are equal, or when the shorter one has at least
 *    7 digits and is the tail of the longer one, which has at most 3 extra leading digits (a country code).
 * 3. Without exact_match, a term of at least 3 digits also matches any number containing its digits.
 */
export const MIN_PARTIAL_DIGITS = 3;
export const MIN_SUFFIX_DIGITS = 7;
const MAX_COUNTRY_CODE_DIGITS = 3;

export function canonicalDigits(value: string): string {
  return value.replace(/\D/g, '').replace(/^0+/, '');
}

/** A term is treated as a phone number only when it looks like one: digits and separators only. */
export function looksLikePhoneTerm(term: string): boolean {
  return /^[\d\s()+\-./]+$/.test(term) && canonicalDigits(term).length >= MIN_PARTIAL_DIGITS;
}

export function isSameNumber(aDigits: string, bDigits: string): boolean {
  if (aDigits.length === 0 || bDigits.length === 0) return false;
  if (aDigits === bDigits) return true;
  const [shorter, longer] = aDigits.length < bDigits.length ? [aDigits, bDigits] : [bDigits, aDigits];
  return (
    shorter.length >= MIN_SUFFIX_DIGITS &&
    longer.length - shorter.length <= MAX_COUNTRY_CODE_DIGITS &&
    longer.endsWith(shorter)
  );
}

export function phoneMatches(termDigits: string, storedDigits: string, exactMatch: boolean): boolean {
  if (isSameNumber(termDigits, storedDigits)) return true;
  return !exactMatch && termDigits.length >= MIN_PARTIAL_DIGITS && storedDigits.includes(termDigits);
}

/** Index key: the last 7 digits, shared by every spelling of a number that has at least 7 digits. */
export function suffixKey(digits: string): string | null {
  return digits.length >= MIN_SUFFIX_DIGITS ? digits.slice(-MIN_SUFFIX_DIGITS) : null;
}
