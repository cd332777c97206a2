import { describe, expect, it } from 'vitest';
import { ACME, ADA, GRACE, KNOWN_NUMBER, TEST_SETTINGS, createCallsHarness } from './testing/calls-test-harness';
import { expireDueRinging, expireOverdueRinging, expireRinging } from './expire-ringing';
import { receiveInboundCall } from './receive-inbound-call';
import { rejectCall } from './reject-call';

async function ringing() {
  const h = createCallsHarness();
  h.presence.connect(ADA, 2).connect(GRACE);
  const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, providerCallId: 'prov-3', source: 'webhook' });
  return { h, callId: call.id };
}

describe('expireRinging', () => {
  it('turns a call nobody answered into a missed call for every agent it rang', async () => {
    const { h, callId } = await ringing();
    await h.clock.advance(TEST_SETTINGS.ringTimeoutMs - 1);
    expect((await h.calls.get(ACME, callId))?.call.state).toBe('ringing');
    await h.clock.advance(1);
    expect((await h.calls.get(ACME, callId))?.call).toMatchObject({ state: 'ended', outcome: 'no_answer' });
    expect(h.notifier.ringingIn({ ...ADA, tabId: 'a' })).toEqual([]);
    expect(h.notifier.ringingIn({ ...GRACE, tabId: 'g' })).toEqual([]);
    expect(h.notifier.lastMissedCount(ACME, ADA.userId)).toBe(1);
    expect(h.notifier.lastMissedCount(ACME, GRACE.userId)).toBe(1);
    expect(h.telephony.commands).toEqual([{ type: 'hang_up', providerCallId: 'prov-3' }]);
  });

  it('counts the call only for agents who had not declined it', async () => {
    const { h, callId } = await ringing();
    await rejectCall(h.deps, { companyId: ACME, userId: ADA.userId, callId });
    await h.clock.advance(TEST_SETTINGS.ringTimeoutMs);
    expect(h.notifier.lastMissedCount(ACME, GRACE.userId)).toBe(1);
    expect(h.notifier.lastMissedCount(ACME, ADA.userId)).toBeUndefined();
  });

  it('does nothing when run again or too early', async () => {
    const { h, callId } = await ringing();
    expect(await expireRinging(h.deps, { companyId: ACME, callId })).toEqual({
      kind: 'not_due',
      dueAt: h.clock.now() + TEST_SETTINGS.ringTimeoutMs,
    });
    await h.clock.advance(TEST_SETTINGS.ringTimeoutMs);
    const pushes = h.notifier.messages.length;
    expect(await expireRinging(h.deps, { companyId: ACME, callId })).toEqual({ kind: 'not_ringing' });
    expect(h.notifier.messages).toHaveLength(pushes);
  });

  it('catches up after a restart: overdue calls expire, the others get their timer back', async () => {
    const { h, callId: overdue } = await ringing();
    await h.clock.advance(20_000);
    const { call: recent } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    h.ringTimeouts.stop();
    await h.clock.advance(15_000);

    const restarted = createCallsHarness({ calls: h.calls, outbox: h.outbox, clock: h.clock });
    restarted.presence.connect(ADA);
    expect(await expireOverdueRinging(restarted.deps)).toEqual({ expired: [overdue], rescheduled: [recent.id] });
    expect(restarted.ringTimeouts.scheduledCallIds()).toEqual([recent.id]);
    await restarted.clock.advance(15_000);
    expect((await restarted.calls.get(ACME, recent.id))?.call.state).toBe('ended');
  });
});

describe('expireDueRinging (the frequent sweep every instance runs)', () => {
  it('expires the due calls of an instance that died mid-ring and leaves the others ringing, without timers', async () => {
    const { h, callId: due } = await ringing();
    await h.clock.advance(20_000);
    const { call: recent } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    h.ringTimeouts.stop(); // the receiving instance is gone, its timers with it
    await h.clock.advance(TEST_SETTINGS.ringTimeoutMs - 20_000);

    const survivor = createCallsHarness({ calls: h.calls, outbox: h.outbox, clock: h.clock });
    survivor.presence.connect(ADA);
    expect(await expireDueRinging(survivor.deps)).toEqual([due]);
    expect((await survivor.calls.get(ACME, due))?.call).toMatchObject({ state: 'ended', outcome: 'no_answer' });
    expect((await survivor.calls.get(ACME, recent.id))?.call.state).toBe('ringing');
    expect(survivor.ringTimeouts.scheduledCallIds()).toEqual([]);
    expect(await expireDueRinging(survivor.deps)).toEqual([]);
  });
});
