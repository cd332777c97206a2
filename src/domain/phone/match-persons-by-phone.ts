import { hasInternationalPrefix, normalizePhoneNumber } from './normalize-phone-number';
import { phoneDigitsKey } from './phone-digits-key';
import type {
  PersonPhone,
  PersonPhoneMatch,
  PersonWithPhones,
  PhoneMatchQuality,
  RegionCode,
} from './phone.types';

/**
 * Fewer digits than this match too many unrelated numbers, so national and trailing-digit
 * matches need at least this many (7 covers the shortest subscriber numbers we match on, e.g.
 * Estonian landlines).
 */
const MIN_FUZZY_MATCH_DIGITS = 7;

const QUALITY_RANK: Record<PhoneMatchQuality, number> = {
  exact_e164: 0,
  national_number: 1,
  trailing_digits: 2,
};

/** A number reduced to what matching compares. */
interface ComparableNumber {
  readonly e164: string | undefined;
  /** National significant number when parsed; otherwise the digits without leading zeros. */
  readonly nationalDigits: string;
  /** True only when the number itself names its country and parsed: then the country is fact. */
  readonly isCountryCertain: boolean;
}

/**
 * The persons having `number` among their phones, each with the phone that matched and how well,
 * best first. Persons with equal quality keep their input order (Pipedrive's relevance order).
 * Several matches are all returned on purpose: picking one silently is how peers log calls on the
 * wrong contact.
 */
export function matchPersonsByPhone<Person extends PersonWithPhones>(
  number: string,
  persons: readonly Person[],
  defaultRegion?: RegionCode,
): PersonPhoneMatch<Person>[] {
  const wanted = toComparable(number, defaultRegion);
  const matches: PersonPhoneMatch<Person>[] = [];
  for (const person of persons) {
    const match = bestPhoneMatch(wanted, person.phones, defaultRegion);
    if (match !== undefined) matches.push({ person, ...match });
  }
  // Array.prototype.sort is stable, so equal qualities keep the input order.
  return matches.sort((a, b) => QUALITY_RANK[a.quality] - QUALITY_RANK[b.quality]);
}

function bestPhoneMatch(
  wanted: ComparableNumber,
  phones: readonly PersonPhone[],
  defaultRegion: RegionCode | undefined,
): Omit<PersonPhoneMatch<PersonWithPhones>, 'person'> | undefined {
  let best: Omit<PersonPhoneMatch<PersonWithPhones>, 'person'> | undefined;
  for (const phone of phones) {
    const quality = compareNumbers(wanted, toComparable(phone.value, defaultRegion));
    if (quality === undefined) continue;
    if (best === undefined || QUALITY_RANK[quality] < QUALITY_RANK[best.quality]) {
      best = { matchedPhone: { value: phone.value, label: phone.label }, quality };
    }
  }
  return best;
}

function toComparable(raw: string, defaultRegion: RegionCode | undefined): ComparableNumber {
  const normalized = normalizePhoneNumber(raw, defaultRegion);
  if (normalized.ok) {
    return {
      e164: normalized.e164,
      nationalDigits: normalized.nationalSignificantNumber,
      isCountryCertain: hasInternationalPrefix(raw),
    };
  }
  // Dropping leading zeros removes a national trunk prefix ("020 ..." -> "20 ...").
  return { e164: undefined, nationalDigits: phoneDigitsKey(raw).replace(/^0+/, ''), isCountryCertain: false };
}

function compareNumbers(a: ComparableNumber, b: ComparableNumber): PhoneMatchQuality | undefined {
  if (a.e164 !== undefined && a.e164 === b.e164) return 'exact_e164';
  // Two numbers that both name their country and differ are different numbers, however their
  // digits line up (+1 207 946 0958 is not +44 20 7946 0958).
  if (a.isCountryCertain && b.isCountryCertain) return undefined;
  const [shorter, longer] = orderByLength(a.nationalDigits, b.nationalDigits);
  if (shorter.length < MIN_FUZZY_MATCH_DIGITS) return undefined;
  if (shorter === longer) return 'national_number';
  // A number stored without its area code, or with stray digits in front, still ends the same.
  if (longer.endsWith(shorter)) return 'trailing_digits';
  return undefined;
}

function orderByLength(a: string, b: string): [string, string] {
  return a.length <= b.length ? [a, b] : [b, a];
}
