import { describe, expect, it } from 'vitest';
import { phoneSearchTerms } from './phone-search-terms';

describe('phoneSearchTerms', () => {
  it('asks for the national significant number first, then the E.164 digits', () => {
    expect(phoneSearchTerms('+44 20 7946 0958', 'US')).toEqual(['2079460958', '442079460958']);
    expect(phoneSearchTerms('(415) 555-0134', 'US')).toEqual(['4155550134', '14155550134']);
  });

  it('gives the same terms whatever format the number came in', () => {
    const variants = ['+372 5123 4567', '0037251234567', '5123-4567'];
    const terms = variants.map((raw) => phoneSearchTerms(raw, 'EE'));
    expect(terms).toEqual([terms[0], terms[0], terms[0]]);
    expect(terms[0]).toEqual(['51234567', '37251234567']);
  });

  it('falls back to the digits of a number it cannot parse', () => {
    expect(phoneSearchTerms('12-34', 'US')).toEqual(['1234']);
  });

  it('gives no term when there is nothing to search for', () => {
    expect(phoneSearchTerms('', 'US')).toEqual([]);
    expect(phoneSearchTerms('abc 7', 'US')).toEqual([]);
  });
});
