import { describe, expect, it } from 'vitest';
import { NetstringReader, encodeNetstring } from '../src/baresip/netstring';
import { statusCodeOf, translateBaresipEvent } from '../src/baresip/phone-events';
import { renderPhoneAccount } from '../src/baresip/phone-config';
import { renderKamailioConfig } from '../src/kamailio/config-template';
import { validateOptions } from '../src/options';
import { APT_INSTALL_LINE, MissingBinaryError, requireLabBinaries } from '../src/processes/binaries';

describe('netstrings (baresip ctrl_tcp framing)', () => {
  it('round-trips payloads split across chunks, counting bytes not characters', () => {
    const reader = new NetstringReader();
    const bytes = Buffer.concat([encodeNetstring('{"a":"é"}'), encodeNetstring('{}')]);
    expect(reader.push(bytes.subarray(0, 5))).toEqual([]);
    expect(reader.push(bytes.subarray(5))).toEqual(['{"a":"é"}', '{}']);
  });

  it('rejects a stream that is not netstrings', () => {
    expect(() => new NetstringReader().push(Buffer.from('hello:world,'))).toThrow(/netstring/);
  });
});

describe('baresip events', () => {
  it('reads the SIP status from a failed call\'s reason', () => {
    expect(statusCodeOf('486 Busy Here')).toBe(486);
    expect(statusCodeOf('Connection reset by peer')).toBeNull();
  });

  it('turns CALL_CLOSED into a closed event with the status code', () => {
    expect(translateBaresipEvent({ type: 'CALL_CLOSED', id: 'x', peeruri: 'sip:a@b', param: '480 No Answer' })).toEqual({
      type: 'closed',
      callId: 'x',
      peerUri: 'sip:a@b',
      reason: '480 No Answer',
      statusCode: 480,
    });
    expect(translateBaresipEvent({ type: 'CALL_RTCP' })).toBeNull();
  });
});

describe('missing programs', () => {
  it('names the missing ones and the apt-get line that installs them', () => {
    const attempt = () => requireLabBinaries((name) => (name === 'kamailio' || name === 'sox' ? null : `/usr/bin/${name}`));
    expect(attempt).toThrow(MissingBinaryError);
    expect(attempt).toThrow(/kamailio, sox/);
    expect(attempt).toThrow(APT_INSTALL_LINE);
  });
});

describe('options', () => {
  it('refuses 127.0.0.1 as the domain (an alias on it loops in-dialog requests)', () => {
    expect(() => validateOptions({ domain: '127.0.0.1' })).toThrow(/not an IP address/);
  });

  it('refuses credentials that would break the generated configs', () => {
    expect(() => validateOptions({ agents: [{ username: 'a"b', password: 'x' }] })).toThrow(/username/);
    expect(() => validateOptions({ agents: [{ username: 'ab', password: 'x y' }] })).toThrow(/password/);
    expect(() => validateOptions({ agents: [{ username: 'customer', password: 'x' }] })).toThrow(/lab's own phone/);
  });
});

describe('generated configs', () => {
  const config = renderKamailioConfig({
    domain: 'lab.example',
    sipUdpPort: 5070,
    webSocketPort: 5066,
    rtpengineNgPort: 2223,
    passwords: { agent1: 'one', agent2: 'two', agent3: 'three' },
    numbers: { customer: '+1', busy: '+2', noAnswer: '+3', ringGroup: '+4' },
    customerUser: 'customer',
    ringerUser: 'ringer',
    ringGroupMembers: ['agent1', 'agent2', 'agent3'],
    noAnswerTimeoutMs: 1234,
  });

  it('aliases the domain name and never the loopback address', () => {
    expect(config).toContain('alias="lab.example"');
    expect(config).not.toMatch(/alias=.*127\.0\.0\.1/);
  });

  it('forks the ring group to every member', () => {
    expect(config).toContain('$ru = "sip:agent1@lab.example"');
    expect(config).toContain('append_branch("sip:agent2@lab.example")');
    expect(config).toContain('append_branch("sip:agent3@lab.example")');
  });

  it('loads every password into the htable and uses the domain as realm', () => {
    expect(config).toContain('$sht(passwords=>agent3) = "three"');
    expect(config).toContain('pv_www_authenticate("lab.example"');
  });

  it('sends a phone\'s requests to Kamailio as outbound proxy', () => {
    const account = renderPhoneAccount({
      user: 'customer',
      password: 'pw',
      domain: 'lab.example',
      proxyPort: 5070,
      sipPort: 1,
      controlPort: 2,
      answerMode: 'auto',
      toneFile: null,
      recordingsDir: null,
      moduleDir: '/m',
    });
    expect(account).toBe(
      '<sip:customer@lab.example>;auth_pass=pw;outbound="sip:127.0.0.1:5070;transport=udp";regint=600;answermode=auto;audio_codecs=PCMU,PCMA,opus/48000/2\n',
    );
  });
});
