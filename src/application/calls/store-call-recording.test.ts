import { describe, expect, it } from 'vitest';
import { answerCall } from './answer-call';
import { hangUpCall } from './hang-up-call';
import { logAbandonedCalls } from './log-abandoned-calls';
import { receiveInboundCall } from './receive-inbound-call';
import { storeCallRecording } from './store-call-recording';
import { ACME, ADA, KNOWN_NUMBER, TEST_SETTINGS, createCallsHarness, expectOk } from './testing/calls-test-harness';

const AUDIO = new Uint8Array([1, 2, 3, 4]);

async function answeredCall(recordCalls = true) {
  const h = createCallsHarness();
  h.settings.set(ACME, { recordCalls });
  h.presence.connect(ADA);
  const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
  expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'tab-a', callId: call.id }));
  const upload = (overrides: { userId?: number; callId?: string } = {}) =>
    storeCallRecording(h.deps, { companyId: ACME, userId: ADA.userId, callId: call.id, contentType: 'audio/webm;codecs=opus', bytes: AUDIO, ...overrides });
  return { h, callId: call.id, upload };
}

describe('storeCallRecording', () => {
  it('keeps the recording of an ended call and queues its attachment after the call log', async () => {
    const { h, callId, upload } = await answeredCall();
    expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId }));
    expect(await upload()).toEqual({ ok: true, callId, size: 4 });
    expect(await h.recordings.load(callId)).toEqual({ contentType: 'audio/webm;codecs=opus', bytes: AUDIO });
    const [entry] = await h.outbox.listForCall(callId);
    expect(entry).toMatchObject({
      idempotencyKey: `call:${callId}:recording`,
      actingUserId: ADA.userId,
      write: { kind: 'attach_recording', callLogIdFromWrite: `call:${callId}:call_log`, payload: { callId, size: 4 } },
    });
    expect(h.events.published.at(-1)).toEqual({ type: 'outbox.writes_queued', companyId: ACME, callId, count: 1 });
  });

  it('refuses a live call, a second upload, another agent, an unknown call and a company that does not record', async () => {
    const { h, callId, upload } = await answeredCall();
    expect(await upload()).toMatchObject({ ok: false, error: { code: 'RECORDING_CALL_NOT_ENDED' } });
    expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId }));
    expect(await upload({ userId: ADA.userId + 1 })).toMatchObject({ ok: false, error: { code: 'CALL_NOT_YOURS' } });
    expect(await upload({ callId: 'nope' })).toMatchObject({ ok: false, error: { code: 'CALL_NOT_FOUND' } });
    expectOk(await upload());
    expect(await upload()).toMatchObject({ ok: false, error: { code: 'RECORDING_ALREADY_STORED' } });
    expect(await h.outbox.listForCall(callId)).toHaveLength(1);

    const off = await answeredCall(false);
    expectOk(await hangUpCall(off.h.deps, { companyId: ACME, userId: ADA.userId, callId: off.callId }));
    expect(await off.upload()).toMatchObject({ ok: false, error: { code: 'RECORDING_NOT_ENABLED' } });
    expect(await off.h.outbox.listForCall(off.callId)).toEqual([]);
  });

  it('rides along with the automatic log of a call nobody wrapped up', async () => {
    const { h, callId, upload } = await answeredCall();
    expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId }));
    expectOk(await upload());
    await h.clock.advance(TEST_SETTINGS.wrapUpGracePeriodMs);
    expect((await logAbandonedCalls(h.deps)).logged).toEqual([callId]);
    expect((await h.outbox.listForCall(callId)).map((e) => e.write.purpose)).toEqual(['recording', 'call_log']);
    const claimed = await h.outbox.claimNext({ owner: 'w', now: h.clock.now(), leaseMs: 1000 });
    expect(claimed?.write.purpose).toBe('call_log');
  });
});
