import { describe, expect, it } from 'vitest';
import { canonicalDigits, isSameNumber, looksLikePhoneTerm, phoneMatches } from '../src/store/phone-digits';
import { PhoneIndex } from '../src/store/phone-index';

describe('phone digit matching', () => {
  it('drops formatting, trunk zeros and the 00 international prefix', () => {
    expect(canonicalDigits('+44 (0) 20-7946.0958')).toBe('4402079460958');
    expect(canonicalDigits('020 7946 0958')).toBe('2079460958');
    expect(canonicalDigits('0044 20 7946 0958')).toBe('442079460958');
  });

  it.each([
    ['+44 20 7946 0958', '020 7946 0958', true],
    ['(020) 7946-0958', '442079460958', true],
    ['+1 (415) 555-0134', '415.555.0134', true],
    ['+372 5123 4567', '5123 4567', true],
    ['+55 21 99876-1234', '(21) 99876-1234', true],
    ['+44 20 7946 0958', '+1 207 946 0958', false],
    ['+44 20 7946 0958', '+44 20 7946 0959', false],
    ['946 0958', '+44 20 7946 0958', false],
  ])('%s vs %s → %s', (a, b, same) => {
    expect(isSameNumber(canonicalDigits(a), canonicalDigits(b))).toBe(same);
  });

  it('matches partial digit runs of 3+ digits only when not exact', () => {
    expect(phoneMatches(canonicalDigits('7946'), canonicalDigits('+44 20 7946 0958'), false)).toBe(true);
    expect(phoneMatches(canonicalDigits('7946'), canonicalDigits('+44 20 7946 0958'), true)).toBe(false);
    expect(phoneMatches(canonicalDigits('20'), canonicalDigits('+44 20 7946 0958'), false)).toBe(false);
  });

  it('treats only digit-and-separator terms as phone numbers', () => {
    expect(looksLikePhoneTerm('+44 (20) 7946-0958')).toBe(true);
    expect(looksLikePhoneTerm('Reed 555')).toBe(false);
    expect(looksLikePhoneTerm('12')).toBe(false);
  });

  it('indexes numbers for exact and partial lookups and forgets replaced ones', () => {
    const index = new PhoneIndex();
    index.add(1, ['+44 20 7946 0958']);
    index.add(2, ['020 7946 0958', '+1 415 555 0134']);
    index.add(3, ['+372 5123 4567']);
    expect(index.find('442079460958', true)).toEqual([1, 2]);
    expect(index.find('555 01', false)).toEqual([2]);
    index.add(2, ['+33 6 14 25 36 47']);
    expect(index.find('442079460958', true)).toEqual([1]);
    expect(index.find('0614253647', true)).toEqual([2]);
    index.remove(1);
    expect(index.find('+44 20 7946 0958', true)).toEqual([]);
  });
});
