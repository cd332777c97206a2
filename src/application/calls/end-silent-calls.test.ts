import { describe, expect, it } from 'vitest';
import { answerCall } from './answer-call';
import { ACME, ADA, GRACE, KNOWN_NUMBER, createCallsHarness, expectOk } from './testing/calls-test-harness';
import { endSilentCalls, SILENT_CALL_MS } from './end-silent-calls';
import { placeOutboundCall } from './place-outbound-call';
import { receiveReportedInboundCall } from './receive-reported-inbound-call';
import { reportCallEvent } from './report-call-event';

async function liveOutboundCall() {
  const h = createCallsHarness();
  const placed = expectOk(await placeOutboundCall(h.deps, { companyId: ACME, agentUserId: ADA.userId, tabId: 'ada-1', number: KNOWN_NUMBER, source: 'dial_pad' }));
  const callId = placed.call.id;
  const report = (event: Parameters<typeof reportCallEvent>[1]['event']) => reportCallEvent(h.deps, { companyId: ACME, userId: ADA.userId, callId, event });
  expectOk(await report({ kind: 'status', status: 'answered' }));
  return { h, callId, report };
}

describe('endSilentCalls (the vanished-window rule)', () => {
  it('ends a live call no window reported on for 30 s, by the system, and stops watching it', async () => {
    const { h, callId } = await liveOutboundCall();
    await h.clock.advance(SILENT_CALL_MS - 1);
    expect(await endSilentCalls(h.deps)).toEqual({ ended: 0 });
    await h.clock.advance(2);
    expect(await endSilentCalls(h.deps)).toEqual({ ended: 1 });
    expect((await h.calls.get(ACME, callId))?.call).toMatchObject({ state: 'ended', outcome: 'failed', endedBy: 'system', failureReason: 'window_silent' });
    expect(h.heartbeats.lastHeardAt(callId)).toBeUndefined();
  });

  it('keeps a call whose window keeps reporting', async () => {
    const { h, callId, report } = await liveOutboundCall();
    for (let i = 0; i < 6; i += 1) {
      await h.clock.advance(10_000);
      expectOk(await report({ kind: 'alive' }));
      expect(await endSilentCalls(h.deps)).toEqual({ ended: 0 });
    }
    expect((await h.calls.get(ACME, callId))?.call.state).toBe('connected');
  });

  it('leaves ringing inbound calls to their ring timeout and counts an answer as a sign of life', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA).connect(GRACE);
    const { callId } = expectOk(await receiveReportedInboundCall(h.deps, { companyId: ACME, userId: ADA.userId, providerCallId: 'sip:x', from: KNOWN_NUMBER, to: '' }));
    // Silent for longer than the window allows, still within the 30 s ring timeout.
    await h.clock.advance(20_000);
    expect(await endSilentCalls(h.deps, 10_000)).toEqual({ ended: 0 });
    expect((await h.calls.get(ACME, callId))?.call.state).toBe('ringing');
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'ada-1', callId }));
    await h.clock.advance(5_000);
    expect(await endSilentCalls(h.deps, 10_000)).toEqual({ ended: 0 });
    await h.clock.advance(6_000);
    expect(await endSilentCalls(h.deps, 10_000)).toEqual({ ended: 1 });
  });
});
