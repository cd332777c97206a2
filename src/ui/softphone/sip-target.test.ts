import { describe, expect, it } from 'vitest';
import { sipTargetUri } from './sip-target';

describe('sipTargetUri', () => {
  it('keeps the digits and a leading + of the number as typed', () => {
    expect(sipTargetUri('+372 5999 8877', 'sip.test')).toBe('sip:+37259998877@sip.test');
    expect(sipTargetUri('(415) 555-0134', 'sip.test')).toBe('sip:4155550134@sip.test');
    expect(sipTargetUri(' 9000 ', '127.0.0.1')).toBe('sip:9000@127.0.0.1');
  });

  it('keeps a SIP user name, escaped', () => {
    expect(sipTargetUri('bob', 'sip.test')).toBe('sip:bob@sip.test');
    expect(sipTargetUri('a b@c', 'sip.test')).toBe('sip:a%20b%40c@sip.test');
  });
});
