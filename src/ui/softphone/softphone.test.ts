import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ServerRequestError } from '@/ui/api-client';
import { MicrophoneError, microphoneProblem } from './microphone';
import { createDoNotDisturbSwitch } from './do-not-disturb';
import { REFUSED_MESSAGE } from './sip-registration';
import { ALIVE_INTERVAL_MS, BUSY_REPORT_DELAY_MS, createSoftphone } from './softphone';
import type { CallEventReport, Softphone } from './softphone-types';
import type { IncomingSipCall, SipRegistration } from './sip-user-agent';
import { fakeMicrophone, FakeSipUserAgent, sipRegistration } from './testing/fake-sip-user-agent';

interface Harness {
  phone: Softphone;
  agents: FakeSipUserAgent[];
  reports: { callId: string; event: CallEventReport }[];
  incoming: IncomingSipCall[];
  microphones: ReturnType<typeof fakeMicrophone>[];
  agent(): FakeSipUserAgent;
}

interface HarnessOptions {
  registration?: () => Promise<SipRegistration>;
  incomingCallId?: (call: IncomingSipCall) => Promise<string>;
  openMicrophone?: () => Promise<MediaStream>;
  refusesIncoming?: () => boolean;
}

function harness(options: HarnessOptions = {}): Harness {
  const agents: FakeSipUserAgent[] = [];
  const reports: Harness['reports'] = [];
  const incoming: IncomingSipCall[] = [];
  const microphones: Harness['microphones'] = [];
  const phone = createSoftphone({
    server: {
      registration: options.registration ?? (() => Promise.resolve(sipRegistration())),
      report: (callId, event) => {
        reports.push({ callId, event });
        return Promise.resolve();
      },
      incoming: (call) => {
        incoming.push(call);
        return options.incomingCallId ? options.incomingCallId(call) : Promise.resolve('call-in-1');
      },
    },
    ...(options.refusesIncoming ? { refusesIncoming: options.refusesIncoming } : {}),
    createUserAgent: (registration) => {
      const agent = new FakeSipUserAgent(registration);
      agents.push(agent);
      return agent;
    },
    openMicrophone:
      options.openMicrophone ??
      (() => {
        const microphone = fakeMicrophone();
        microphones.push(microphone);
        return Promise.resolve(microphone);
      }),
  });
  return { phone, agents, reports, incoming, microphones, agent: () => agents[agents.length - 1]! };
}

/** Starts the phone and lets the fake network connect and accept the REGISTER. */
async function registered(h: Harness) {
  h.phone.register();
  await vi.waitFor(() => expect(h.agents).toHaveLength(1));
  h.agent().emit({ type: 'connected' });
  h.agent().emit({ type: 'registered' });
}

async function outboundLive(h: Harness, number = '+372 5999 8877') {
  await registered(h);
  await h.phone.prepare();
  h.phone.dial(number);
    h.phone.linkDial('call-1');
  const session = h.agent().sessions[0]!;
  session.emit({ type: 'accepted', sipCallId: 'sip-abc' });
  return session;
}

/** `outboundLive` for tests on fake timers: registration's first step waits for a timer turn. */
async function outboundLiveOnFakeTimers(h: Harness) {
  h.phone.register();
  await vi.advanceTimersByTimeAsync(0);
  h.agent().emit({ type: 'connected' });
  h.agent().emit({ type: 'registered' });
  await h.phone.prepare();
  h.phone.dial('9000');
  h.phone.linkDial('call-1');
  h.agent().sessions[0]!.emit({ type: 'accepted', sipCallId: 'sip-abc' });
}

const CALLER: IncomingSipCall = { sipCallId: 'sip-in', from: '+14155550134', to: 'alice', displayName: 'Samuel' };

describe('softphone registration', () => {
  it('registers with the ha1 registration on every connection and says "registered"', async () => {
    const h = harness();
    await registered(h);
    expect(h.agent().registration.ha1).toBe(sipRegistration().ha1);
    expect(h.agent().actions).toEqual(['start', 'register']);
    expect(h.phone.getState().registration).toEqual({ status: 'registered' });
  });

  it('stops on a refused password (401/403) instead of retrying in a loop', async () => {
    vi.useFakeTimers();
    try {
      const h = harness();
      h.phone.register();
      await vi.advanceTimersByTimeAsync(0);
      const agent = h.agent();
      agent.emit({ type: 'connected' });
      agent.emit({ type: 'registration-failed', sipStatus: 401, cause: 'Authentication Error' });
      expect(h.phone.getState().registration).toEqual({ status: 'refused', message: REFUSED_MESSAGE });
      expect(REFUSED_MESSAGE).toMatch(/^SIP registration failed: the SIP server refused the username or password/);
      expect(agent.actions).toEqual(['start', 'register', 'stop']);
      // Whatever the transport does afterwards, nothing registers again.
      agent.emit({ type: 'connected' });
      await vi.advanceTimersByTimeAsync(120_000);
      expect(agent.count('register')).toBe(1);
      expect(h.agents).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says the SIP server is unreachable while the socket is down, and registers again when it is back', async () => {
    const h = harness();
    await registered(h);
    h.agent().emit({ type: 'disconnected' });
    expect(h.phone.getState().registration).toMatchObject({ status: 'unreachable', message: expect.stringMatching(/cannot reach the SIP server/) });
    h.agent().emit({ type: 'connected' });
    h.agent().emit({ type: 'registered' });
    expect(h.agent().count('register')).toBe(2);
    expect(h.phone.getState().registration.status).toBe('registered');
  });

  it('retries fetching the registration with backoff when the app server is unreachable', async () => {
    vi.useFakeTimers();
    try {
      let attempts = 0;
      const h = harness({
        registration: () => (++attempts < 3 ? Promise.reject(new ServerRequestError(0, 'NETWORK_ERROR', 'offline')) : Promise.resolve(sipRegistration())),
      });
      h.phone.register();
      await vi.advanceTimersByTimeAsync(0);
      expect(h.phone.getState().registration).toMatchObject({ status: 'unreachable', message: expect.stringMatching(/next try in 2 s/) });
      await vi.advanceTimersByTimeAsync(2_000);
      expect(h.phone.getState().registration).toMatchObject({ message: expect.stringMatching(/next try in 4 s/) });
      await vi.advanceTimersByTimeAsync(4_000);
      expect(attempts).toBe(3);
      expect(h.agents).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not retry when no SIP account is saved, and says where to save one', async () => {
    const h = harness({ registration: () => Promise.reject(new ServerRequestError(404, 'SIP_ACCOUNT_MISSING', 'no account')) });
    h.phone.register();
    await vi.waitFor(() => expect(h.phone.getState().registration.status).toBe('unavailable'));
    expect(h.phone.getState().registration).toMatchObject({ message: expect.stringMatching(/save your SIP account in Settings/) });
    expect(h.agents).toHaveLength(0);
  });
});

describe('softphone outbound calls', () => {
  it('dials the number as typed at the domain and reports ringing, answered (once each) and the far end hanging up', async () => {
    const h = harness();
    await registered(h);
    await h.phone.prepare();
    h.phone.dial('+372 5999 8877');
    h.phone.linkDial('call-1');
    const session = h.agent().sessions[0]!;
    expect(session.target).toBe('sip:+37259998877@sip.test');
    session.emit({ type: 'progress' });
    session.emit({ type: 'progress' });
    session.emit({ type: 'accepted', sipCallId: 'sip-abc' });
    expect(h.phone.getState().call).toMatchObject({ callId: 'call-1', phase: 'live' });
    session.emit({ type: 'ended', by: 'remote' });
    expect(h.reports).toEqual([
      { callId: 'call-1', event: { type: 'ringing' } },
      { callId: 'call-1', event: { type: 'answered', sipCallId: 'sip-abc' } },
      { callId: 'call-1', event: { type: 'remote_ended' } },
    ]);
    expect(h.phone.getState().call).toBeNull();
    expect(h.microphones[0]!.track.stopped).toBe(true);
  });

  it('reports a busy far end with its SIP status', async () => {
    const h = harness();
    await registered(h);
    await h.phone.prepare();
    h.phone.dial('9000');
    h.phone.linkDial('call-1');
    h.agent().sessions[0]!.emit({ type: 'failed', by: 'remote', sipStatus: 486, cause: 'Busy' });
    expect(h.reports).toEqual([{ callId: 'call-1', event: { type: 'failed', sipStatus: 486, reason: 'Busy' } }]);
    expect(h.phone.getState().call).toBeNull();
  });

  it('sends the INVITE before the server names the call, and reports what happened meanwhile once it does', async () => {
    const h = harness();
    await registered(h);
    await h.phone.prepare();
    h.phone.dial('9000');
    const session = h.agent().sessions[0]!;
    expect(session.target).toBe('sip:9000@sip.test');
    session.emit({ type: 'progress' });
    session.emit({ type: 'accepted', sipCallId: 'sip-early' });
    expect(h.reports).toEqual([]);
    h.phone.linkDial('call-9');
    expect(h.reports).toEqual([
      { callId: 'call-9', event: { type: 'ringing' } },
      { callId: 'call-9', event: { type: 'answered', sipCallId: 'sip-early' } },
    ]);
    expect(h.phone.getState().call).toMatchObject({ callId: 'call-9', phase: 'live' });
  });

  it('cancels the INVITE quietly when the server does not create the call', async () => {
    const h = harness();
    await registered(h);
    await h.phone.prepare();
    h.phone.dial('9000');
    const session = h.agent().sessions[0]!;
    h.phone.abandonDial();
    session.emit({ type: 'failed', by: 'local', sipStatus: null, cause: 'Canceled' });
    expect(session.actions).toEqual(['terminate']);
    expect(h.reports).toEqual([]);
    expect(h.phone.getState().call).toBeNull();
    expect(h.microphones[0]!.track.stopped).toBe(true);
  });

  it('reports a call it could not start as failed, and lets the microphone go', async () => {
    const h = harness();
    await registered(h);
    await h.phone.prepare();
    h.agent().failNextCall = new Error('Invalid status: 0');
    h.phone.dial('9000');
    h.phone.linkDial('call-1');
    expect(h.reports).toEqual([{ callId: 'call-1', event: { type: 'failed', sipStatus: 503, reason: 'Invalid status: 0' } }]);
    expect(h.microphones[0]!.track.stopped).toBe(true);
    expect(h.phone.getState().call).toBeNull();
  });

  it("reports nothing about the agent's own hang-up (the hang-up route does)", async () => {
    const h = harness();
    const session = await outboundLive(h);
    h.phone.hangUp('call-1');
    session.emit({ type: 'ended', by: 'local' });
    expect(session.actions).toEqual(['terminate']);
    expect(h.reports.map((r) => r.event.type)).toEqual(['answered']);
  });

  it('sends "alive" every 10 s while the call lasts, and stops after', async () => {
    vi.useFakeTimers();
    try {
      const h = harness();
      await outboundLiveOnFakeTimers(h);
      await vi.advanceTimersByTimeAsync(ALIVE_INTERVAL_MS * 3);
      expect(h.reports.filter((r) => r.event.type === 'alive')).toHaveLength(3);
      h.phone.hangUp('call-1');
      await vi.advanceTimersByTimeAsync(ALIVE_INTERVAL_MS * 3);
      expect(h.reports.filter((r) => r.event.type === 'alive')).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the call through a dropped SIP WebSocket and registers again', async () => {
    const h = harness();
    const session = await outboundLive(h);
    h.agent().emit({ type: 'disconnected' });
    h.agent().emit({ type: 'connected' });
    h.agent().emit({ type: 'registered' });
    expect(h.agent().count('register')).toBe(2);
    expect(session.actions).toEqual([]);
    expect(h.phone.getState().call).toMatchObject({ callId: 'call-1', phase: 'live' });
    expect(h.reports.map((r) => r.event.type)).toEqual(['answered']);
    h.phone.setHeld(true);
    expect(session.actions).toEqual(['hold']);
  });

  it('mutes by disabling the microphone track, holds and resumes by re-INVITE', async () => {
    const h = harness();
    const session = await outboundLive(h);
    const microphone = h.microphones[0]!;
    h.phone.setMuted(true);
    expect(microphone.track.enabled).toBe(false);
    expect(h.phone.getState().call?.muted).toBe(true);
    h.phone.setMuted(false);
    expect(microphone.track.enabled).toBe(true);
    h.phone.setHeld(true);
    expect(h.phone.getState().call?.held).toBe(true);
    h.phone.setHeld(false);
    expect(session.actions).toEqual(['hold', 'unhold']);
    expect(h.phone.getState().call?.held).toBe(false);
  });

  it('sends keypad tones as RFC 4733 events, over SIP INFO when the sender cannot, and ignores other keys', async () => {
    const h = harness();
    const session = await outboundLive(h);
    h.phone.sendDtmf('5');
    session.rtpDtmf = false;
    h.phone.sendDtmf('#');
    h.phone.sendDtmf('x');
    expect(session.dtmf).toEqual([
      { tone: '5', transport: 'rtp' },
      { tone: '#', transport: 'info' },
    ]);
  });

  it('transfers with a REFER to the number at the domain, and says why when it is refused', async () => {
    const h = harness();
    const session = await outboundLive(h);
    await h.phone.transfer('+44 20 7946 0958');
    expect(session.actions).toEqual(['refer sip:+442079460958@sip.test']);
    session.referResult = Promise.reject(new Error('Rejected'));
    await expect(h.phone.transfer('9001')).rejects.toThrow('Rejected');
    expect(h.phone.getState().call?.transfer).toEqual({ status: 'failed', message: 'Transfer failed: Rejected.' });
  });

  it('re-registers after "Save SIP account" only once the call in progress is over', async () => {
    const h = harness();
    const session = await outboundLive(h);
    h.phone.register();
    expect(h.agents).toHaveLength(1);
    session.emit({ type: 'ended', by: 'remote' });
    await vi.waitFor(() => expect(h.agents).toHaveLength(2));
    expect(h.agents[0]!.actions).toContain('stop');
  });
});

describe('softphone inbound calls', () => {
  async function ringing(h: Harness) {
    await registered(h);
    const session = h.agent().ring(CALLER);
    await vi.waitFor(() => expect(h.phone.getState().call?.callId).toBe('call-in-1'));
    return session;
  }

  it('reports the INVITE, links the call id, answers with the microphone', async () => {
    const h = harness();
    const session = await ringing(h);
    expect(h.incoming).toEqual([CALLER]);
    expect(await h.phone.answer('call-in-1')).toBe(true);
    expect(session.answeredWith).toBe(h.microphones[0]);
    session.emit({ type: 'accepted', sipCallId: 'sip-in' });
    expect(h.phone.getState().call).toMatchObject({ direction: 'inbound', phase: 'live' });
    // The answer route records the answer: the engine does not report it.
    expect(h.reports).toEqual([]);
  });

  it('drops its SIP session when the answer race was lost, telling the server nothing', async () => {
    const h = harness();
    const session = await ringing(h);
    await h.phone.answer('call-in-1');
    h.phone.drop('call-in-1');
    session.emit({ type: 'ended', by: 'local' });
    expect(session.actions).toEqual(['answer', 'terminate']);
    expect(h.reports).toEqual([]);
    expect(h.phone.getState().call).toBeNull();
  });

  it('stops ringing quietly when told before the INVITE was linked', async () => {
    let link: (callId: string) => void = () => {};
    const h = harness({ incomingCallId: () => new Promise((resolve) => (link = resolve)) });
    await registered(h);
    const session = h.agent().ring(CALLER);
    h.phone.drop('call-in-1');
    link('call-in-1');
    await vi.waitFor(() => expect(session.actions).toEqual(['terminate']));
    expect(h.phone.getState().call).toBeNull();
  });

  it('declines with 603 on Reject and reports a caller who gives up', async () => {
    const h = harness();
    const rejected = await ringing(h);
    h.phone.reject('call-in-1');
    expect(rejected.actions).toEqual(['terminate 603']);
    const cancelled = h.agent().ring({ ...CALLER, sipCallId: 'sip-in-2' });
    await vi.waitFor(() => expect(h.phone.getState().call?.callId).toBe('call-in-1'));
    cancelled.emit({ type: 'failed', by: 'remote', sipStatus: null, cause: 'Canceled' });
    expect(h.reports).toEqual([{ callId: 'call-in-1', event: { type: 'remote_ended' } }]);
  });

  it('answers a second INVITE "busy here" while on a call, and reports it later so it is logged as missed', async () => {
    vi.useFakeTimers();
    try {
      const h = harness();
      await outboundLiveOnFakeTimers(h);
      const second = h.agent().ring(CALLER);
      expect(second.actions).toEqual(['terminate 486']);
      expect(h.incoming).toEqual([]);
      await vi.advanceTimersByTimeAsync(BUSY_REPORT_DELAY_MS);
      expect(h.incoming).toEqual([CALLER]);
      expect(h.phone.getState().call).toMatchObject({ callId: 'call-1', phase: 'live' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers "busy here" on Do not disturb (a ring group does not know), and reports it later so it is logged as missed', async () => {
    vi.useFakeTimers();
    try {
      const dnd = createDoNotDisturbSwitch(true);
      const h = harness({ refusesIncoming: dnd.isOn });
      h.phone.register();
      await vi.advanceTimersByTimeAsync(0);
      h.agent().emit({ type: 'connected' });
      h.agent().emit({ type: 'registered' });
      const refused = h.agent().ring(CALLER);
      expect(refused.actions).toEqual(['terminate 486']);
      expect(h.phone.getState().call).toBeNull();
      await vi.advanceTimersByTimeAsync(BUSY_REPORT_DELAY_MS);
      expect(h.incoming).toEqual([CALLER]);
      dnd.set(false);
      const next = h.agent().ring(CALLER);
      expect(next.actions).toEqual([]);
      expect(h.phone.getState().call).toMatchObject({ direction: 'inbound', phase: 'ringing' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not answer without a microphone, and says what to do', async () => {
    const h = harness({ openMicrophone: () => Promise.reject(new MicrophoneError(microphoneProblem('missing'))) });
    const session = await ringing(h);
    await expect(h.phone.answer('call-in-1')).rejects.toBeInstanceOf(MicrophoneError);
    expect(session.actions).toEqual([]);
    expect(h.phone.getState().microphone?.kind).toBe('missing');
    expect(h.phone.getState().call?.phase).toBe('ringing');
  });
});

beforeEach(() => vi.useRealTimers());
afterEach(() => vi.useRealTimers());
