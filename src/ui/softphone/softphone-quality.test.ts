import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUALITY_POLL_MS } from './call-quality-watch';
import { ALIVE_INTERVAL_MS, createSoftphone } from './softphone';
import type { CallEventReport, Softphone } from './softphone-types';
import { fakeMicrophone, FakeSipUserAgent, sipRegistration, type FakeSipSession } from './testing/fake-sip-user-agent';

// The softphone measures call quality while the call is up: getStats every 2 s on a fake session.

/** Stats whose inbound audio has `received` / `lost` packets so far. */
const stats = (received: number, lost: number) => [
  { id: 'in', type: 'inbound-rtp', kind: 'audio', ssrc: 7, packetsReceived: received, packetsLost: lost, jitter: 0.002 },
  { id: 'out', type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.02, fractionLost: 0 },
];

let phone: Softphone;
let agent: FakeSipUserAgent;
let reports: CallEventReport[];

beforeEach(async () => {
  vi.useFakeTimers();
  reports = [];
  phone = createSoftphone({
    server: {
      registration: () => Promise.resolve(sipRegistration()),
      report: (_callId, event) => {
        reports.push(event);
        return Promise.resolve();
      },
      incoming: () => Promise.resolve('call-in-1'),
    },
    createUserAgent: (registration) => (agent = new FakeSipUserAgent(registration)),
    openMicrophone: () => Promise.resolve(fakeMicrophone()),
  });
  phone.register();
  await vi.advanceTimersByTimeAsync(0);
  agent.emit({ type: 'connected' });
  agent.emit({ type: 'registered' });
});

afterEach(() => vi.useRealTimers());

async function dialled(): Promise<FakeSipSession> {
  await phone.prepare();
  phone.dial('9000');
  phone.linkDial('call-1');
  const session = agent.sessions[0]!;
  session.stats = stats(0, 0);
  return session;
}

/** Lets the session's counters grow by 100 packets per poll, `lost` of them lost. */
async function polls(session: FakeSipSession, count: number, lost: number) {
  for (let i = 0; i < count; i += 1) {
    const previous = session.stats![0] as { packetsReceived: number; packetsLost: number };
    session.stats = stats(previous.packetsReceived + 100 - lost, previous.packetsLost + lost);
    await vi.advanceTimersByTimeAsync(QUALITY_POLL_MS);
  }
}

const warning = () => phone.getState().call?.quality ?? null;
const alives = () => reports.filter((event) => event.type === 'alive');

describe('softphone call quality', () => {
  it('does not measure while the call rings; polls every 2 s once it is up', async () => {
    const session = await dialled();
    await vi.advanceTimersByTimeAsync(QUALITY_POLL_MS * 3);
    expect(session.statsCalls).toBe(0);
    session.emit({ type: 'accepted', sipCallId: 'sip-abc' });
    await vi.advanceTimersByTimeAsync(QUALITY_POLL_MS * 3);
    expect(session.statsCalls).toBe(3);
  });

  it('warns after two poor polls, with the reason, and clears after three good ones', async () => {
    const session = await dialled();
    session.emit({ type: 'accepted', sipCallId: 'sip-abc' });
    await polls(session, 2, 0);
    await polls(session, 1, 8);
    expect(warning()).toBeNull();
    await polls(session, 1, 8);
    expect(warning()).toEqual({ reasons: ['high packet loss (8 %)'] });
    await polls(session, 2, 0);
    expect(warning()).not.toBeNull();
    await polls(session, 1, 0);
    expect(warning()).toBeNull();
  });

  it('reports the latest sample with "alive"', async () => {
    const session = await dialled();
    session.emit({ type: 'accepted', sipCallId: 'sip-abc' });
    await polls(session, 5, 0);
    expect(alives()).toEqual([{ type: 'alive', quality: { mos: expect.closeTo(4.4, 1), lossPercent: 0, jitterMs: 2, rttMs: 20 } }]);
  });

  it('pauses on hold (no stale warning, nothing sent), measures afresh on resume', async () => {
    const session = await dialled();
    session.emit({ type: 'accepted', sipCallId: 'sip-abc' });
    await polls(session, 2, 10);
    expect(warning()).not.toBeNull();
    phone.setHeld(true);
    expect(warning()).toBeNull();
    const calls = session.statsCalls;
    await vi.advanceTimersByTimeAsync(ALIVE_INTERVAL_MS);
    expect(session.statsCalls).toBe(calls);
    expect(alives().at(-1)).toEqual({ type: 'alive' });
    phone.setHeld(false);
    await polls(session, 1, 0);
    expect(session.statsCalls).toBe(calls + 1);
  });

  it('skips polls without a peer connection and stops when the call ends', async () => {
    const session = await dialled();
    session.stats = null;
    session.emit({ type: 'accepted', sipCallId: 'sip-abc' });
    await vi.advanceTimersByTimeAsync(ALIVE_INTERVAL_MS);
    expect(alives()).toEqual([{ type: 'alive' }]);
    session.emit({ type: 'ended', by: 'remote' });
    const calls = session.statsCalls;
    await vi.advanceTimersByTimeAsync(QUALITY_POLL_MS * 5);
    expect(session.statsCalls).toBe(calls);
  });

  it('stops when the agent hangs up', async () => {
    const session = await dialled();
    session.emit({ type: 'accepted', sipCallId: 'sip-abc' });
    await polls(session, 1, 0);
    phone.hangUp('call-1');
    await vi.advanceTimersByTimeAsync(QUALITY_POLL_MS * 5);
    expect(session.statsCalls).toBe(1);
  });
});
