import { describe, expect, it } from 'vitest';
import { formatPhoneNumber } from './format-phone-number';

describe('formatPhoneNumber (the company\'s country style)', () => {
  it('formats a stored number without formatting in the company\'s national style', () => {
    expect(formatPhoneNumber('18386395322', 'US')).toBe('(838) 639-5322');
    expect(formatPhoneNumber('+442079460958', 'GB')).toBe('020 7946 0958');
  });

  it('shows other countries\' numbers internationally', () => {
    expect(formatPhoneNumber('+442079460958', 'US')).toBe('+44 20 7946 0958');
    expect(formatPhoneNumber('+14155550134', null)).toBe('+1 415 555 0134');
  });

  it('keeps what it cannot read as it is', () => {
    expect(formatPhoneNumber('9000', 'US')).toBe('9000');
    expect(formatPhoneNumber('abc', null)).toBe('abc');
  });
});
