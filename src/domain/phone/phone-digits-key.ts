/** An extension written after the number: " ext. 12", " x12", " #12", ";ext=12" (RFC 3966). */
const TRAILING_EXTENSION = /\s*(?:;\s*ext=|extension|ext\.?|x|#)\s*\d+\s*$/i;

/**
 * A format-independent key for a number nobody could parse: its digits, without the extension and
 * without a leading "00" international prefix. Numbers written internationally ("+44 20 7946 0958",
 * "0044-20-7946-0958") get the E.164 digits ("442079460958"); national ones keep their trunk digit.
 */
export function phoneDigitsKey(raw: string): string {
  const digits = raw.replace(TRAILING_EXTENSION, '').replace(/\D/g, '');
  return digits.startsWith('00') ? digits.slice(2) : digits;
}
