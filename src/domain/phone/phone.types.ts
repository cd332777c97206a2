import type { CountryCode } from 'libphonenumber-js';
import type { DomainFailure, Result } from '@/domain/errors';

/** ISO 3166-1 alpha-2 region a company dials from ("US", "GB", "EE"), as libphonenumber knows it. */
export type RegionCode = CountryCode;

export interface NormalizedPhoneNumber {
  /** "+14155550134": the one format numbers are stored, compared and sent to providers in. */
  readonly e164: string;
  /** Human national format ("(415) 555-0134"), for display only. */
  readonly national: string;
  /** Human international format ("+1 415 555 0134"), for display only. */
  readonly international: string;
  /** Digits after the country code, without trunk prefix ("4155550134"). */
  readonly nationalSignificantNumber: string;
  readonly countryCallingCode: string;
  /** Undefined for non-geographic numbers (+800 ...) and for numbers outside any known range. */
  readonly region: RegionCode | undefined;
  readonly extension: string | undefined;
  /**
   * True when the number falls in a range libphonenumber knows to be assigned. We still accept
   * merely *possible* numbers (right length) because metadata lags behind new ranges, and a CRM
   * caller must not refuse to dial or match a number just because it is new.
   */
  readonly isValid: boolean;
}

export interface PhoneInvalidError extends DomainFailure<'PHONE_INVALID'> {
  readonly raw: string;
}

export type NormalizePhoneNumberResult = Result<NormalizedPhoneNumber, PhoneInvalidError>;

/** One phone entry of a Pipedrive person (`phones[]` in API v2). */
export interface PersonPhone {
  readonly value: string;
  readonly label?: string | undefined;
  readonly primary?: boolean | undefined;
}

export interface PersonWithPhones {
  readonly id: number;
  readonly name: string;
  readonly phones: readonly PersonPhone[];
}

/** How sure we are that a stored number is the caller's number, best first. */
export type PhoneMatchQuality = 'exact_e164' | 'national_number' | 'trailing_digits';

export interface PersonPhoneMatch<Person extends PersonWithPhones> {
  readonly person: Person;
  /** The stored phone that matched: the UI shows this one, not the person's first phone. */
  readonly matchedPhone: { readonly value: string; readonly label: string | undefined };
  readonly quality: PhoneMatchQuality;
}
