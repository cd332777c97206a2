import { describe, expect, it } from 'vitest';
import { digestHa1, sipRegistration } from './sip-registration';
import { toReportedEvent } from './sip-routes';

describe('SIP registration', () => {
  it('computes the digest HA1 of RFC 2617 (its worked example)', () => {
    expect(digestHa1('Mufasa', 'testrealm@host.com', 'Circle Of Life')).toBe('939e7578ed9e3c518a452acee763bce9');
  });

  it('uses the SIP domain as realm and never carries the password', () => {
    const registration = sipRegistration({ webSocketUrl: 'wss://pbx.test/ws', domain: 'pbx.test' }, { username: '1001', password: 'pa55', callerId: null }, 'Ada');
    expect(registration).toEqual({
      webSocketUrl: 'wss://pbx.test/ws',
      domain: 'pbx.test',
      uri: 'sip:1001@pbx.test',
      authorizationUser: '1001',
      realm: 'pbx.test',
      ha1: digestHa1('1001', 'pbx.test', 'pa55'),
      displayName: 'Ada',
      callerId: null,
    });
    expect(JSON.stringify(registration)).not.toContain('pa55"');
  });
});

describe('the window’s SIP events', () => {
  it('become provider-neutral reports; the reason text is not kept, the SIP code is', () => {
    expect(toReportedEvent({ type: 'alive' })).toEqual({ kind: 'alive' });
    expect(toReportedEvent({ type: 'answered', sipCallId: 'abc@h' })).toEqual({ kind: 'status', status: 'answered', providerCallId: 'sip:abc@h' });
    expect(toReportedEvent({ type: 'failed', sipStatus: 486, reason: 'Busy Here +14155550134' })).toEqual({ kind: 'status', status: 'busy', reason: 'sip 486' });
    expect(toReportedEvent({ type: 'remote_ended' })).toEqual({ kind: 'status', status: 'remote_ended' });
  });
});
