import { describe, expect, it } from 'vitest';
import { ACME, ADA, KNOWN_NUMBER, T0, createCallsHarness, expectOk } from '@/application/calls/testing/calls-test-harness';
import { hangUpCall } from '@/application/calls/hang-up-call';
import { placeOutboundCall } from '@/application/calls/place-outbound-call';
import { receiveInboundCall } from '@/application/calls/receive-inbound-call';
import { FakeClock } from '@/application/ports/testing';
import { MOCK_CONNECT_AFTER_MS, MOCK_RING_AFTER_MS, MockTelephonyProvider, type MockCalleeBehaviour } from './mock-telephony-provider';

function withMock(behaviour?: MockCalleeBehaviour) {
  const clock = new FakeClock(T0);
  const mock = new MockTelephonyProvider({ timers: clock, ...(behaviour === undefined ? {} : { calleeBehaviour: () => behaviour }) });
  const h = createCallsHarness({ clock, telephony: mock });
  return { h, mock, clock };
}

async function place(h: ReturnType<typeof createCallsHarness>) {
  const result = await placeOutboundCall(h.deps, { companyId: ACME, agentUserId: ADA.userId, tabId: 't', number: KNOWN_NUMBER, source: 'dial_pad' });
  return expectOk(result).call.id;
}

describe('MockTelephonyProvider', () => {
  it('never reuses a provider call id after a restart (a new instance), since stored calls keep theirs', async () => {
    const before = withMock();
    const callId = await place(before.h);
    const storedId = (await before.h.calls.get(ACME, callId))?.call.providerCallId;
    const afterRestart = new MockTelephonyProvider({ timers: new FakeClock(T0) });
    const placed = await afterRestart.placeCall({ callId: 'next', companyId: ACME, agentUserId: ADA.userId, to: KNOWN_NUMBER });
    expect(storedId).toMatch(/^mock-out-/);
    expect(placed.providerCallId).not.toBe(storedId);
    expect(afterRestart.registerInboundCall()).not.toBe(before.mock.registerInboundCall());
  });

  it('rings an outbound call at once and connects it after about two seconds', async () => {
    const { h, clock } = withMock();
    const callId = await place(h);
    await clock.advance(MOCK_RING_AFTER_MS);
    expect((await h.calls.get(ACME, callId))?.call.state).toBe('ringing');
    await clock.advance(MOCK_CONNECT_AFTER_MS - MOCK_RING_AFTER_MS - 1);
    expect((await h.calls.get(ACME, callId))?.call.state).toBe('ringing');
    await clock.advance(1);
    expect((await h.calls.get(ACME, callId))?.call).toMatchObject({ state: 'connected', timestamps: { answeredAt: T0 + MOCK_CONNECT_AFTER_MS } });
  });

  it('never connects a call the agent hung up while it rang', async () => {
    const { h, clock } = withMock();
    const callId = await place(h);
    await clock.advance(MOCK_RING_AFTER_MS);
    expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId }));
    await clock.advance(MOCK_CONNECT_AFTER_MS);
    expect((await h.calls.get(ACME, callId))?.call).toMatchObject({ state: 'ended', outcome: 'cancelled' });
    expect(clock.pendingCount).toBe(0);
  });

  it('can play a busy callee', async () => {
    const { h, clock } = withMock('busy');
    const callId = await place(h);
    await clock.advance(MOCK_CONNECT_AFTER_MS);
    expect((await h.calls.get(ACME, callId))?.call).toMatchObject({ state: 'ended', outcome: 'busy' });
  });

  it('lets the simulated far end hang up a conversation', async () => {
    const { h, mock, clock } = withMock();
    const callId = await place(h);
    await clock.advance(MOCK_CONNECT_AFTER_MS + 5_000);
    const providerCallId = (await h.calls.get(ACME, callId))?.call.providerCallId ?? '';
    expect(mock.simulateRemoteHangUp(providerCallId)).toBe(true);
    await clock.advance(0);
    expect((await h.calls.get(ACME, callId))?.call).toMatchObject({ state: 'ended', endedBy: 'remote', outcome: 'completed' });
    expect(mock.simulateRemoteHangUp(providerCallId)).toBe(false);
  });

  it('gives Control Center calls an id the simulated caller can hang up with', async () => {
    const { h, mock, clock } = withMock();
    h.presence.connect(ADA);
    const providerCallId = mock.registerInboundCall();
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, providerCallId, source: 'control_center' });
    mock.simulateRemoteHangUp(providerCallId);
    await clock.advance(0);
    expect((await h.calls.get(ACME, call.id))?.call).toMatchObject({ state: 'ended', outcome: 'cancelled' });
    expect(h.notifier.lastMissedCount(ACME, ADA.userId)).toBe(1);
  });

  it('lets the simulated caller hang up on any instance, not only the one that registered the call', async () => {
    const { h, mock, clock } = withMock();
    h.presence.connect(ADA);
    const providerCallId = mock.registerInboundCall();
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, providerCallId, source: 'control_center' });
    const otherInstance = new MockTelephonyProvider({ timers: clock });
    const other = createCallsHarness({ clock, calls: h.calls, outbox: h.outbox, telephony: otherInstance });
    other.presence.connect(ADA);
    expect(otherInstance.simulateRemoteHangUp(providerCallId)).toBe(true);
    await clock.advance(0);
    expect((await h.calls.get(ACME, call.id))?.call).toMatchObject({ state: 'ended', outcome: 'cancelled' });
    expect(otherInstance.simulateRemoteHangUp(providerCallId)).toBe(false);
    expect(otherInstance.simulateRemoteHangUp('mock-in-not-a-registered-id')).toBe(false);
  });

  it('refuses a number that is not E.164', async () => {
    const { mock } = withMock();
    await expect(mock.placeCall({ callId: 'c', companyId: ACME, agentUserId: 1, to: '0207946' })).rejects.toMatchObject({
      name: 'TelephonyError',
      kind: 'validation',
      retryable: false,
    });
  });
});
