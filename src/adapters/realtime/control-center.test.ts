import { describe, expect, it } from 'vitest';
import { inboundCallPayloadSchema, isControlCenterAllowed, isControlCenterTokenValid } from './control-center';

describe('Control Center access', () => {
  it('is open in sandbox mode, and otherwise needs the configured token', () => {
    expect(isControlCenterAllowed({ sandboxMode: true, token: null }, undefined)).toBe(true);
    expect(isControlCenterAllowed({ sandboxMode: false, token: null }, 'anything')).toBe(false);
    expect(isControlCenterAllowed({ sandboxMode: false, token: 'secret-token' }, 'secret-token')).toBe(true);
    expect(isControlCenterAllowed({ sandboxMode: false, token: 'secret-token' }, 'secret-tokeN')).toBe(false);
    expect(isControlCenterTokenValid('', 'secret-token')).toBe(false);
    expect(isControlCenterTokenValid(42, 'secret-token')).toBe(false);
  });

  it('parses INBOUND_CALL as the tutorial sends it', () => {
    expect(inboundCallPayloadSchema.parse({ number: ' +14155550134 ', agent: 'ada@example.com' })).toEqual({ number: '+14155550134', agent: 'ada@example.com' });
    expect(inboundCallPayloadSchema.parse({ number: '+14155550134' })).toEqual({ number: '+14155550134', agent: '' });
    expect(inboundCallPayloadSchema.parse({ number: '+14155550134', companyId: '12' }).companyId).toBe(12);
    expect(inboundCallPayloadSchema.safeParse({ number: '' }).success).toBe(false);
    expect(inboundCallPayloadSchema.safeParse({ number: 5 }).success).toBe(false);
  });

  it('refuses a number that is not a phone number, saying why', () => {
    const parsed = inboundCallPayloadSchema.safeParse({ number: 'abc', agent: '' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['number'], message: expect.stringContaining('"abc" is not a phone number') });
    expect(inboundCallPayloadSchema.safeParse({ number: '+999 1234567' }).success).toBe(false);
  });
});
