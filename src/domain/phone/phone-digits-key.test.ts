import { describe, expect, it } from 'vitest';
import { phoneDigitsKey } from './phone-digits-key';

describe('phoneDigitsKey', () => {
  it.each([
    ['+44 20 7946 0958', '442079460958'],
    ['0044-20-7946-0958', '442079460958'],
    ['(020) 7946.0958', '02079460958'],
    ['+1 415 555 0134 ext. 12', '14155550134'],
    ['+1 415 555 0134 x 12', '14155550134'],
    ['+1 415 555 0134 #12', '14155550134'],
    ['tel:+1-415-555-0134;ext=12', '14155550134'],
    ['no digits here', ''],
    ['', ''],
  ])('%j -> %j', (raw, key) => {
    expect(phoneDigitsKey(raw)).toBe(key);
  });

  it('gives the same key to the same number written differently', () => {
    const keys = ['+372 5123 4567', '00372 5123-4567', '+372.5123.4567'].map(phoneDigitsKey);
    expect(new Set(keys).size).toBe(1);
  });
});
