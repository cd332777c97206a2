import { describe, expect, it } from 'vitest';
import { toDialNumber } from './dial-number';

describe('toDialNumber', () => {
  it('needs a phone number for providers dialling E.164', () => {
    expect(toDialNumber('(415) 555-0134', { dialsAsTyped: false, defaultRegion: 'US' })).toEqual({ ok: true, dial: '+14155550134', lookup: '+14155550134' });
    expect(toDialNumber('9000', { dialsAsTyped: false, defaultRegion: 'US' })).toEqual({ ok: false, error: { code: 'CALL_NUMBER_INVALID' } });
  });

  it('dials as typed for SIP: extensions and feature codes pass, a leading + stays', () => {
    expect(toDialNumber('9000', { dialsAsTyped: true, defaultRegion: 'US' })).toEqual({ ok: true, dial: '9000', lookup: '9000' });
    expect(toDialNumber('*97#', { dialsAsTyped: true, defaultRegion: undefined })).toMatchObject({ ok: true, dial: '*97#' });
    expect(toDialNumber('+44 20 7946 0958', { dialsAsTyped: true, defaultRegion: undefined })).toEqual({ ok: true, dial: '+442079460958', lookup: '+442079460958' });
    expect(toDialNumber('(415) 555-0134', { dialsAsTyped: true, defaultRegion: 'US' })).toEqual({ ok: true, dial: '4155550134', lookup: '+14155550134' });
  });

  it('refuses what a keypad cannot send', () => {
    for (const typed of ['sip:bob@evil', '90 00 x', '', '++1', '1'.repeat(33)]) {
      expect(toDialNumber(typed, { dialsAsTyped: true, defaultRegion: undefined }).ok).toBe(false);
    }
  });
});
