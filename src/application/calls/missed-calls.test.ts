import { describe, expect, it } from 'vitest';
import { ACME, ADA, GRACE, KNOWN_NUMBER, TEST_SETTINGS, UNKNOWN_NUMBER, createCallsHarness } from './testing/calls-test-harness';
import { listMissedCalls, markMissedCallsSeen } from './missed-calls';
import { receiveInboundCall } from './receive-inbound-call';

describe('missed calls', () => {
  it('lists missed calls newest first; marking them seen clears the badge in every tab until the next one', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA, 2).connect(GRACE);
    const first = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, agent: 'Ada Lovelace', source: 'webhook' });
    await h.clock.advance(TEST_SETTINGS.ringTimeoutMs);
    const second = await receiveInboundCall(h.deps, { companyId: ACME, from: UNKNOWN_NUMBER, agent: 'Ada Lovelace', source: 'webhook' });
    await h.clock.advance(TEST_SETTINGS.ringTimeoutMs);

    const before = await listMissedCalls(h.deps, { companyId: ACME, userId: ADA.userId });
    expect(before.unseenCount).toBe(2);
    expect(before.calls.map((c) => c.id)).toEqual([second.call.id, first.call.id]);
    expect(h.notifier.lastMissedCount(ACME, ADA.userId)).toBe(2);

    expect(await markMissedCallsSeen(h.deps, { companyId: ACME, userId: ADA.userId })).toEqual({ unseenCount: 0 });
    expect(h.notifier.lastMissedCount(ACME, ADA.userId)).toBe(0);
    expect(await listMissedCalls(h.deps, { companyId: ACME, userId: ADA.userId })).toMatchObject({ unseenCount: 0, calls: [{}, {}] });

    await h.clock.advance(1_000);
    await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, agent: 'Ada Lovelace', source: 'webhook' });
    await h.clock.advance(TEST_SETTINGS.ringTimeoutMs);
    expect(h.notifier.lastMissedCount(ACME, ADA.userId)).toBe(1);
  });

  it("keeps one agent's missed calls off another agent's list", async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA).connect(GRACE);
    await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, agent: 'Ada Lovelace', source: 'webhook' });
    await h.clock.advance(TEST_SETTINGS.ringTimeoutMs);
    expect(await listMissedCalls(h.deps, { companyId: ACME, userId: GRACE.userId })).toEqual({ calls: [], unseenCount: 0 });
  });
});
