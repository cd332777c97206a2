export { normalizePhoneNumber, hasInternationalPrefix, displayPhoneNumber } from './normalize-phone-number';
export { phoneDigitsKey } from './phone-digits-key';
export { matchPersonsByPhone } from './match-persons-by-phone';
export { phoneSearchTerms } from './phone-search-terms';
export { toRegionCode } from './region-code';
export type {
  NormalizePhoneNumberResult,
  NormalizedPhoneNumber,
  PersonPhone,
  PersonPhoneMatch,
  PersonWithPhones,
  PhoneInvalidError,
  PhoneMatchQuality,
  RegionCode,
} from './phone.types';
