import { normalizePhoneNumber } from './normalize-phone-number';
import { phoneDigitsKey } from './phone-digits-key';
import type { RegionCode } from './phone.types';

/** Pipedrive's search rejects terms shorter than this. */
const MIN_SEARCH_TERM_LENGTH = 2;

/**
 * Terms to give Pipedrive's person search (`fields=phone`), best first, so that one or two
 * searches find a person whatever format the number was stored in. The national significant
 * number is contained in every way of writing the number ("+44 20 7946 0958", "020 7946 0958",
 * "0044 20 7946 0958"), so it goes first; the E.164 digits catch numbers stored with a country code
 * glued to them. Results must still go through `matchPersonsByPhone`, since a digits search can
 * also return lookalikes.
 */
export function phoneSearchTerms(raw: string, defaultRegion?: RegionCode): string[] {
  const normalized = normalizePhoneNumber(raw, defaultRegion);
  const terms = normalized.ok
    ? [normalized.nationalSignificantNumber, normalized.e164.slice(1)]
    : [phoneDigitsKey(raw)];
  return [...new Set(terms)].filter((term) => term.length >= MIN_SEARCH_TERM_LENGTH);
}
