/**
 * Numbers as the company reads them. Its own lazy chunk: libphonenumber-js with the `min` metadata
 * (formatting, no full validation) is too heavy for the window's first load.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/**
 * "18386395322" stored in a US company → "(838) 639-5322"; a number of another country in its
 * international form ("+44 20 7946 0958"); anything unreadable (an extension, "abc") as it is.
 */
export function formatPhoneNumber(raw: string, companyRegion: string | null): string {
  const parsed = parsePhoneNumberFromString(raw, (companyRegion ?? undefined) as CountryCode | undefined);
  if (!parsed?.isPossible()) return raw;
  return companyRegion !== null && parsed.country === companyRegion ? parsed.formatNational() : parsed.formatInternational();
}
