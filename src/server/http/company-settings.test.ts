import { describe, expect, it } from 'vitest';
import { settingsBodySchema, SUPPORTED_REGIONS } from './company-settings';

const body = { defaultRegion: 'gb', createCallbackForMissedCalls: true, companyPhoneNumber: '020 7946 0958', ringTimeoutSeconds: 30 };

describe('settingsBodySchema', () => {
  it('upper-cases the region and reads a national number in it (E.164)', () => {
    expect(settingsBodySchema.parse(body)).toEqual({ ...body, defaultRegion: 'GB', companyPhoneNumber: '+442079460958' });
    expect(settingsBodySchema.parse({ ...body, defaultRegion: null, companyPhoneNumber: '+1 (415) 555-0134' }).companyPhoneNumber).toBe('+14155550134');
    expect(settingsBodySchema.parse({ ...body, companyPhoneNumber: ' ' }).companyPhoneNumber).toBeNull();
  });

  it.each([
    ['an unknown region', { defaultRegion: 'XX' }],
    ['a national number without a region', { defaultRegion: null }],
    ['text as a number', { companyPhoneNumber: 'call us' }],
    ['a ring timeout under 10 s', { ringTimeoutSeconds: 9 }],
    ['a ring timeout over 120 s', { ringTimeoutSeconds: 121 }],
    ['a fractional ring timeout', { ringTimeoutSeconds: 30.5 }],
    ['a missing setting', { createCallbackForMissedCalls: undefined }],
    ['an unknown field', { gracePeriodMs: 1 }],
  ])('refuses %s', (_what, change) => {
    expect(settingsBodySchema.safeParse({ ...body, ...change }).success).toBe(false);
  });

  it('lists the regions libphonenumber knows', () => {
    expect(SUPPORTED_REGIONS).toContain('EE');
    expect(SUPPORTED_REGIONS).not.toContain('XX');
  });
});
