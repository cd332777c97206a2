import { describe, expect, it } from 'vitest';
import { matchPersonsByPhone } from './match-persons-by-phone';
import type { PersonWithPhones } from './phone.types';

function person(id: number, ...phones: Array<string | [string, string]>): PersonWithPhones {
  return {
    id,
    name: `Person ${id}`,
    phones: phones.map((phone) =>
      typeof phone === 'string' ? { value: phone } : { value: phone[0], label: phone[1] },
    ),
  };
}

function matchedIds(number: string, persons: PersonWithPhones[], region: 'US' | 'GB' | 'DE' = 'GB') {
  return matchPersonsByPhone(number, persons, region).map((m) => [m.person.id, m.quality]);
}

describe('matchPersonsByPhone', () => {
  it('matches a stored number in any format exactly, and says which phone matched', () => {
    const ada = person(1, ['+1 415 555 0100', 'home'], ['020 7946 0958', 'work']);
    const [match] = matchPersonsByPhone('+442079460958', [ada], 'GB');
    expect(match).toEqual({
      person: ada,
      matchedPhone: { value: '020 7946 0958', label: 'work' },
      quality: 'exact_e164',
    });
  });

  it.each([
    ['0044 20 7946 0958'],
    ['+44 (0)20 7946-0958'],
    ['(020) 7946 0958'],
    ['020.7946.0958'],
  ])('matches %j stored for a GB company to +442079460958 exactly', (stored) => {
    expect(matchedIds('+442079460958', [person(1, stored)])).toEqual([[1, 'exact_e164']]);
  });

  it('returns no one when no phone is the same number', () => {
    expect(matchedIds('+442079460958', [person(1, '+44 20 7946 0959'), person(2)])).toEqual([]);
  });

  it('matches a number stored without country code under another region on its national digits', () => {
    // A US company storing a UK contact's number the way the contact wrote it.
    expect(matchedIds('+442079460958', [person(1, '020 7946 0958')], 'US')).toEqual([
      [1, 'national_number'],
    ]);
    expect(matchedIds('+442079460958', [person(1, '207 946 0958')], 'US')).toEqual([
      [1, 'national_number'],
    ]);
  });

  it('never matches two numbers that both name different countries', () => {
    expect(matchedIds('+442079460958', [person(1, '+1 207 946 0958')], 'US')).toEqual([]);
    expect(matchedIds('+4915112345678', [person(1, '+33 1 12 34 56 78')], 'DE')).toEqual([]);
  });

  it('matches a number stored without its area code on trailing digits', () => {
    expect(matchedIds('+14155550134', [person(1, '555-0134 x')], 'US')).toEqual([
      [1, 'trailing_digits'],
    ]);
  });

  it('does not match on too few trailing digits', () => {
    expect(matchedIds('+14155550134', [person(1, '0134'), person(2, '50134')], 'US')).toEqual([]);
  });

  it('matches even when the incoming number cannot be parsed', () => {
    expect(matchedIds('00 0 2079460958', [person(1, '+44 20 7946 0958')], 'US')).toEqual([
      [1, 'national_number'],
    ]);
  });

  it('returns every person sharing the number, best quality first, ties in input order', () => {
    const persons = [
      person(1, '7946 0958'),
      person(2, '207 946 0958'),
      person(3, '+44 20 7946 0958'),
      person(4, '020 7946 0958'),
      person(5, '+44 20 7946 0000'),
    ];
    expect(matchedIds('+442079460958', persons, 'US')).toEqual([
      [3, 'exact_e164'],
      [2, 'national_number'],
      [4, 'national_number'],
      [1, 'trailing_digits'],
    ]);
  });

  it("reports a person once, with the best of their phones", () => {
    const persons = [person(7, '207 946 0958', ['+44 20 7946 0958', 'mobile'])];
    const matches = matchPersonsByPhone('+442079460958', persons, 'US');
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      quality: 'exact_e164',
      matchedPhone: { value: '+44 20 7946 0958', label: 'mobile' },
    });
  });

  it.each([
    ['US', '(415) 555-0134', '+14155550134'],
    ['DE', '030 1234567', '+49301234567'],
    ['EE', '5123 4567', '+37251234567'],
    ['FR', '01 23 45 67 89', '+33123456789'],
    ['BR', '(11) 91234-5678', '+5511912345678'],
    ['IN', '098765 43210', '+919876543210'],
    ['AU', '(02) 9876 5432', '+61298765432'],
  ] as const)('matches a national %s number stored as %j', (region, stored, incoming) => {
    const matches = matchPersonsByPhone(incoming, [person(1, stored)], region);
    expect(matches.map((m) => m.quality)).toEqual(['exact_e164']);
  });

  it('ignores persons without phones and phones without digits', () => {
    expect(matchedIds('+442079460958', [person(1), person(2, ''), person(3, 'n/a')])).toEqual([]);
  });
});
