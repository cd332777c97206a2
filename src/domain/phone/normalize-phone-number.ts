import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';
import type { NormalizePhoneNumberResult, NormalizedPhoneNumber, RegionCode } from './phone.types';

/**
 * Parses a number as people type and store it (spaces, dashes, brackets, dots, "00" or "+"
 * international prefix, national trunk "0", extensions) into E.164, reading national numbers as
 * numbers of `defaultRegion` (the company's region).
 */
export function normalizePhoneNumber(
  raw: string,
  defaultRegion?: RegionCode,
): NormalizePhoneNumberResult {
  const key = `${defaultRegion ?? ''} ${raw}`;
  const known = recentResults.get(key);
  if (known !== undefined) return known;
  const result = Object.freeze(normalizeUncached(raw, defaultRegion));
  if (recentResults.size >= RECENT_RESULTS_MAX_ENTRIES) recentResults.clear();
  recentResults.set(key, result);
  return result;
}

/**
 * Parsing and formatting cost tens of microseconds per number, and a screen-pop reads the same
 * numbers several times (the caller's for the search terms, the matching and the stored call; the
 * persons' phones again on the next call): results are kept, bounded. Pure and frozen, so sharing
 * them is safe.
 */
const recentResults = new Map<string, NormalizePhoneNumberResult>();
const RECENT_RESULTS_MAX_ENTRIES = 5_000;

function normalizeUncached(raw: string, defaultRegion: RegionCode | undefined): NormalizePhoneNumberResult {
  const parsed = parsePossible(raw, defaultRegion) ?? parseDoubleZeroAsInternational(raw);
  if (parsed === undefined) return { ok: false, error: { code: 'PHONE_INVALID', raw } };
  return { ok: true, ...describe(parsed) };
}

function parsePossible(raw: string, region: RegionCode | undefined): PhoneNumber | undefined {
  const parsed = parsePhoneNumberFromString(raw, region);
  return parsed?.isPossible() ? parsed : undefined;
}

/**
 * "00" is the international prefix in most of the world but not in every default region (the US
 * dials "011"), so "0044 20 7946 0958" stored by a European colleague would be read as a broken US
 * number. No national number starts with "00", so reading it as "+" is safe.
 */
function parseDoubleZeroAsInternational(raw: string): PhoneNumber | undefined {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('00')) return undefined;
  return parsePossible(`+${trimmed.slice(2)}`, undefined);
}

function describe(parsed: PhoneNumber): NormalizedPhoneNumber {
  return {
    e164: parsed.number,
    national: parsed.formatNational(),
    international: parsed.formatInternational(),
    nationalSignificantNumber: parsed.nationalNumber,
    countryCallingCode: parsed.countryCallingCode,
    region: parsed.country,
    extension: parsed.ext,
    isValid: parsed.isValid(),
  };
}

/**
 * How to show a number to agents of a company: nationally when it is a number of the company's
 * region ("020 7946 0958" in GB), with its country code otherwise ("+44 20 7946 0958" anywhere
 * else), so nobody reads a foreign number as a local one.
 */
export function displayPhoneNumber(number: NormalizedPhoneNumber, defaultRegion?: RegionCode): string {
  return defaultRegion !== undefined && number.region === defaultRegion ? number.national : number.international;
}

/**
 * Whether a raw number names its country itself ("+44 ...", "0044 ..."), as opposed to relying on
 * the default region. Matching trusts the country only in the first case.
 */
export function hasInternationalPrefix(raw: string): boolean {
  const trimmed = raw.trim();
  return trimmed.startsWith('+') || trimmed.startsWith('00');
}
