import { describe, expect, it } from 'vitest';
import { checkInboundCallerNumber } from './inbound-caller-number';

describe('checkInboundCallerNumber', () => {
  it.each(['+14155550134', ' +1 (212) 555-0147 ', '+55 21 99876-1234', '0044 20 7946 0958', '020 7946 0958'])('accepts %s', (raw) => {
    expect(checkInboundCallerNumber(raw)).toEqual({ ok: true, number: raw.trim() });
  });

  it('refuses letters with a message that names the input and shows an example', () => {
    expect(checkInboundCallerNumber('abc')).toEqual({ ok: false, message: '"abc" is not a phone number: use digits, spaces and + - ( ) only, such as +14155550134.' });
    // libphonenumber alone would read the letters as keypad digits.
    expect(checkInboundCallerNumber('+1 800 FLOWERS').ok).toBe(false);
  });

  it('refuses empty, too short, too long and impossible numbers', () => {
    expect(checkInboundCallerNumber('  ')).toMatchObject({ ok: false, message: expect.stringContaining('Enter') });
    expect(checkInboundCallerNumber('12345')).toMatchObject({ ok: false, message: expect.stringContaining('6 to 15 digits') });
    expect(checkInboundCallerNumber('+1234567890123456')).toMatchObject({ ok: false, message: expect.stringContaining('6 to 15 digits') });
    expect(checkInboundCallerNumber('+999 1234567')).toMatchObject({ ok: false, message: expect.stringContaining('not a possible number') });
  });
});
