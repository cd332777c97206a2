import { describe, expect, it } from 'vitest';
import { answerCall } from './answer-call';
import { hangUpCall } from './hang-up-call';
import { logAbandonedCalls } from './log-abandoned-calls';
import { MAX_NOTES_DRAFT_LENGTH, readNotesDraft, saveNotesDraft } from './notes-draft';
import { receiveInboundCall } from './receive-inbound-call';
import { submitWrapUp } from './submit-wrap-up';
import { ACME, ADA, KNOWN_NUMBER, TEST_SETTINGS, createCallsHarness, expectOk } from './testing/calls-test-harness';

async function answeredCall() {
  const h = createCallsHarness();
  h.presence.connect(ADA);
  const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
  expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'tab-a', callId: call.id }));
  return { h, callId: call.id };
}

describe('notes drafts', () => {
  it('keeps what the agent typed, for a reloading window, and tells their other tabs', async () => {
    const { h, callId } = await answeredCall();
    const saved = await saveNotesDraft(h.deps, { companyId: ACME, userId: ADA.userId, callId, text: 'Wants a quote', tabId: 'tab-a' });
    expect(saved).toMatchObject({ ok: true, draft: { callId, text: 'Wants a quote', updatedAt: h.clock.now() } });
    expect(await readNotesDraft(h.deps, { companyId: ACME, userId: ADA.userId, call: { id: callId, agentUserId: ADA.userId } })).toMatchObject({ text: 'Wants a quote' });
    expect(h.notifier.messages.at(-1)).toMatchObject({ type: 'notes_draft', userId: ADA.userId, exceptTabId: 'tab-a', draft: { callId, text: 'Wants a quote' } });
  });

  it('refuses a call that is not the agent’s, an unknown call, and a call already wrapped up', async () => {
    const { h, callId } = await answeredCall();
    expect(await saveNotesDraft(h.deps, { companyId: ACME, userId: ADA.userId + 1, callId, text: 'x' })).toMatchObject({ ok: false, error: { code: 'CALL_NOT_YOURS' } });
    expect(await saveNotesDraft(h.deps, { companyId: ACME, userId: ADA.userId, callId: 'nope', text: 'x' })).toMatchObject({ ok: false, error: { code: 'CALL_NOT_FOUND' } });
    expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId }));
    expectOk(await submitWrapUp(h.deps, { companyId: ACME, userId: ADA.userId, wrapUp: { callId, notes: '', action: { kind: 'hang_up' } } }));
    expect(await saveNotesDraft(h.deps, { companyId: ACME, userId: ADA.userId, callId, text: 'x' })).toMatchObject({ ok: false, error: { code: 'WRAP_UP_ALREADY_DONE' } });
    expect(await readNotesDraft(h.deps, { companyId: ACME, userId: ADA.userId + 1, call: { id: callId, agentUserId: ADA.userId } })).toBeUndefined();
  });

  it('keeps at most MAX_NOTES_DRAFT_LENGTH characters', async () => {
    const { h, callId } = await answeredCall();
    const saved = await saveNotesDraft(h.deps, { companyId: ACME, userId: ADA.userId, callId, text: 'a'.repeat(MAX_NOTES_DRAFT_LENGTH + 5) });
    expect(saved.ok && saved.draft.text.length).toBe(MAX_NOTES_DRAFT_LENGTH);
  });

  it('puts the draft into the automatic log of a call whose window went away', async () => {
    const { h, callId } = await answeredCall();
    expectOk(await saveNotesDraft(h.deps, { companyId: ACME, userId: ADA.userId, callId, text: 'Call back on Monday' }));
    expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId }));
    await h.clock.advance(TEST_SETTINGS.wrapUpGracePeriodMs);
    expect((await logAbandonedCalls(h.deps)).logged).toEqual([callId]);
    const [log, ...others] = await h.outbox.listForCall(callId);
    expect(log?.write.purpose).toBe('call_log');
    expect(JSON.stringify(log?.write.payload)).toContain('Call back on Monday');
    expect(others).toEqual([]);
  });
});
