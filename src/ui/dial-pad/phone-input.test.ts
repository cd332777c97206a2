import { describe, expect, it } from 'vitest';
import { validatePhoneInput } from './phone-input';

describe('validatePhoneInput', () => {
  it('accepts plausible numbers and strips formatting', () => {
    expect(validatePhoneInput(' +1 (415) 555-0134 ')).toEqual({ ok: true, number: '+14155550134' });
    expect(validatePhoneInput('372.555.1234')).toEqual({ ok: true, number: '3725551234' });
    expect(validatePhoneInput('*123#')).toEqual({ ok: true, number: '*123#' });
  });

  it('rejects empty, implausible and oversized input', () => {
    expect(validatePhoneInput('   ')).toMatchObject({ ok: false, message: 'Enter a phone number.' });
    expect(validatePhoneInput('call me')).toMatchObject({ ok: false });
    expect(validatePhoneInput('1+2')).toMatchObject({ ok: false });
    expect(validatePhoneInput('12')).toMatchObject({ ok: false, message: 'That number is too short.' });
    expect(validatePhoneInput('1'.repeat(21))).toMatchObject({ ok: false, message: 'That number is too long.' });
  });
});
