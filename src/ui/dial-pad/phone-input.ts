/**
 * Light validation of a typed number: the server normalizes it properly (libphonenumber); here we
 * only stop obvious typos before a call is attempted.
 */
export type PhoneInputResult = { ok: true; number: string } | { ok: false; message: string };

const ALLOWED = /^\+?[\d\s().\-*#]+$/;
const MIN_DIGITS = 3;
const MAX_DIGITS = 20;

export function validatePhoneInput(raw: string): PhoneInputResult {
  const value = raw.trim();
  if (value === '') return { ok: false, message: 'Enter a phone number.' };
  if (!ALLOWED.test(value)) return { ok: false, message: 'Use digits, spaces and + - ( ) * # only.' };
  const digits = value.replace(/\D/g, '').length;
  if (digits < MIN_DIGITS) return { ok: false, message: 'That number is too short.' };
  if (digits > MAX_DIGITS) return { ok: false, message: 'That number is too long.' };
  // Keep what dials (+, digits, * and #); drop the formatting.
  return { ok: true, number: value.replace(/[\s().-]/g, '') };
}

/** Characters a keypad press may append. */
export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
