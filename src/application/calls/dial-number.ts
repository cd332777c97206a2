import type { Result } from '@/domain/errors';
import { normalizePhoneNumber, type RegionCode } from '@/domain/phone';
import type { CallNumberInvalidError } from './call-errors';

export interface DialNumber {
  /** What the provider dials: E.164, or as typed (digits, `*`, `#`, a leading `+`) for `dialsAsTyped`. */
  readonly dial: string;
  /** What the contact lookup searches: E.164 when the number reads as one, else `dial`. */
  readonly lookup: string;
}

/** Spaces, dashes, dots and brackets are how people write numbers, not part of what is dialled. */
const VISUAL_SEPARATORS = /[\s\-.()/]/g;
const DIAL_STRING = /^\+?[0-9*#]{1,32}$/;

/**
 * The number an agent typed, as the company's provider takes it. Phone-network providers need a
 * real phone number (E.164). A SIP server dials what it gets: internal extensions (`9000`) and
 * feature codes must pass, so only the characters a keypad can send are kept and checked.
 */
export function toDialNumber(typed: string, options: { dialsAsTyped: boolean; defaultRegion: RegionCode | undefined }): Result<DialNumber, CallNumberInvalidError> {
  const normalized = normalizePhoneNumber(typed, options.defaultRegion);
  if (!options.dialsAsTyped) {
    return normalized.ok ? { ok: true, dial: normalized.e164, lookup: normalized.e164 } : { ok: false, error: { code: 'CALL_NUMBER_INVALID' } };
  }
  const dial = typed.replace(VISUAL_SEPARATORS, '');
  if (!DIAL_STRING.test(dial)) return { ok: false, error: { code: 'CALL_NUMBER_INVALID' } };
  return { ok: true, dial, lookup: normalized.ok ? normalized.e164 : dial };
}
