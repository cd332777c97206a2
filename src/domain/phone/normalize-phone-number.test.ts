import { describe, expect, it } from 'vitest';
import { displayPhoneNumber, hasInternationalPrefix, normalizePhoneNumber } from './normalize-phone-number';
import type { RegionCode } from './phone.types';

describe('normalizePhoneNumber', () => {
  it('reads the same digits again per region, however often they were read before (results are reused)', () => {
    for (let round = 0; round < 2; round += 1) {
      expect(normalizePhoneNumber('020 7946 0958', 'GB')).toMatchObject({ ok: true, e164: '+442079460958' });
      expect(normalizePhoneNumber('020 7946 0958', 'DE')).toMatchObject({ ok: true, e164: '+492079460958' });
      expect(normalizePhoneNumber('020 7946 0958')).toMatchObject({ ok: false });
    }
    const reused = normalizePhoneNumber('020 7946 0958', 'GB');
    expect(Object.isFrozen(reused)).toBe(true);
  });

  const formats: Array<[raw: string, region: RegionCode, e164: string]> = [
    // US: brackets, dashes, dots, spaces, leading +1, IDD from the US is 011
    ['(415) 555-0134', 'US', '+14155550134'],
    ['415.555.0134', 'US', '+14155550134'],
    ['+1 415 555 0134', 'US', '+14155550134'],
    ['1-415-555-0134', 'US', '+14155550134'],
    ['011 44 20 7946 0958', 'US', '+442079460958'],
    // UK: national trunk 0, "00" from a region whose IDD is not 00, "(0)" in an international number
    ['020 7946 0958', 'GB', '+442079460958'],
    ['07700 900123', 'GB', '+447700900123'],
    ['0044 20 7946 0958', 'US', '+442079460958'],
    ['+44 (0) 20 7946 0958', 'US', '+442079460958'],
    // DE
    ['030 1234567', 'DE', '+49301234567'],
    ['+49 (0)30 1234567', 'DE', '+49301234567'],
    ['0049 30 1234567', 'DE', '+49301234567'],
    // EE: no trunk prefix
    ['5123 4567', 'EE', '+37251234567'],
    ['+372 5123 4567', 'US', '+37251234567'],
    // FR: dotted pairs
    ['01.23.45.67.89', 'FR', '+33123456789'],
    ['+33 1 23 45 67 89', 'DE', '+33123456789'],
    // BR: area code in brackets, mobile 9
    ['(11) 91234-5678', 'BR', '+5511912345678'],
    ['+55 11 91234 5678', 'US', '+5511912345678'],
    // IN
    ['098765 43210', 'IN', '+919876543210'],
    ['+91-98765-43210', 'GB', '+919876543210'],
    // AU
    ['(02) 9876 5432', 'AU', '+61298765432'],
    ['0412 345 678', 'AU', '+61412345678'],
  ];

  it.each(formats)('reads %j in %s as %s', (raw, region, e164) => {
    const result = normalizePhoneNumber(raw, region);
    expect(result).toMatchObject({ ok: true, e164 });
  });

  it('describes the number for display and matching', () => {
    expect(normalizePhoneNumber('020 7946 0958', 'GB')).toEqual({
      ok: true,
      e164: '+442079460958',
      national: '020 7946 0958',
      international: '+44 20 7946 0958',
      nationalSignificantNumber: '2079460958',
      countryCallingCode: '44',
      region: 'GB',
      extension: undefined,
      isValid: true,
    });
  });

  it.each([
    ['+1 415 555 0134 ext. 12'],
    ['+1 415 555 0134 x12'],
    ['tel:+1-415-555-0134;ext=12'],
  ])('keeps the extension of %j out of the E.164 form', (raw) => {
    expect(normalizePhoneNumber(raw, 'US')).toMatchObject({
      ok: true,
      e164: '+14155550134',
      extension: '12',
    });
  });

  it('parses international numbers without a default region', () => {
    expect(normalizePhoneNumber('+44 20 7946 0958')).toMatchObject({ ok: true, region: 'GB' });
    expect(normalizePhoneNumber('0044 20 7946 0958')).toMatchObject({ ok: true, e164: '+442079460958' });
  });

  it('accepts a possible number outside known ranges but says it is not valid', () => {
    expect(normalizePhoneNumber('+1 555 123 4567', 'US')).toMatchObject({
      ok: true,
      e164: '+15551234567',
      isValid: false,
      region: undefined,
    });
  });

  it.each([
    [''],
    ['   '],
    ['abc'],
    ['call me maybe'],
    ['+'],
    ['12'],
    ['+44 20'],
    ['0044'],
    ['+1 415 555 0134 5555 5555'],
  ])('refuses %j with PHONE_INVALID and the raw input', (raw) => {
    expect(normalizePhoneNumber(raw, 'US')).toEqual({
      ok: false,
      error: { code: 'PHONE_INVALID', raw },
    });
  });

  it('refuses a national number when no region says how to read it', () => {
    expect(normalizePhoneNumber('020 7946 0958')).toMatchObject({ ok: false });
  });
});

describe('hasInternationalPrefix', () => {
  it.each([
    ['+44 20 7946 0958', true],
    [' 0044 20 7946 0958', true],
    ['020 7946 0958', false],
    ['(415) 555-0134', false],
  ])('%j -> %s', (raw, expected) => {
    expect(hasInternationalPrefix(raw)).toBe(expected);
  });
});

describe('displayPhoneNumber', () => {
  const parsed = (raw: string, region?: RegionCode) => {
    const result = normalizePhoneNumber(raw, region);
    if (!result.ok) throw new Error(`not a number: ${raw}`);
    return result;
  };

  it("shows a number of the company's region nationally", () => {
    expect(displayPhoneNumber(parsed('+44 20 7946 0958'), 'GB')).toBe('020 7946 0958');
  });

  it('keeps the country code of a foreign number, or when the company has no region', () => {
    expect(displayPhoneNumber(parsed('+44 20 7946 0958'), 'EE')).toBe('+44 20 7946 0958');
    expect(displayPhoneNumber(parsed('+372 5999 8877'))).toBe('+372 5999 8877');
  });
});
