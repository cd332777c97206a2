import { describe, expect, it } from 'vitest';
import type { WrapUp } from '@/domain/wrap-up';
import type { UnitOfWork } from '@/application/ports/unit-of-work.port';
import { answerCall } from './answer-call';
import { ACME, ADA, GRACE, KNOWN_NUMBER, SHARED_NUMBER, TEST_SETTINGS, UNKNOWN_NUMBER, createCallsHarness, expectOk } from './testing/calls-test-harness';
import { getCallHistory } from './get-call-history';
import { hangUpCall } from './hang-up-call';
import { linkCreatedPerson } from './link-created-person';
import { logAbandonedCalls } from './log-abandoned-calls';
import { receiveInboundCall } from './receive-inbound-call';
import { submitWrapUp } from './submit-wrap-up';

async function endedCall(from = KNOWN_NUMBER) {
  const h = createCallsHarness();
  h.presence.connect(ADA).connect(GRACE);
  const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from, source: 'webhook' });
  expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: call.id }));
  await h.clock.advance(42_000);
  expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId: call.id }));
  return { h, callId: call.id };
}

function wrapUp(callId: string, action: WrapUp['action'], notes = 'Wants a demo'): WrapUp {
  return { callId, notes, action };
}

async function queued(h: ReturnType<typeof createCallsHarness>, callId: string) {
  return (await h.outbox.listForCall(callId)).map((entry) => `${entry.write.kind}:${entry.write.purpose}`);
}

describe('submitWrapUp', () => {
  it('hang up: queues one call log with the notes, linked to the person, and closes the call', async () => {
    const { h, callId } = await endedCall();
    const result = expectOk(await submitWrapUp(h.deps, { companyId: ACME, userId: ADA.userId, wrapUp: wrapUp(callId, { kind: 'hang_up' }) }));
    expect(result).toMatchObject({ isLate: false, hasUnplacedNotes: false, queuedKeys: [`call:${callId}:call_log`], call: { state: 'wrapped_up' } });
    const [log] = await h.outbox.listForCall(callId);
    expect(log).toMatchObject({
      companyId: ACME,
      actingUserId: ADA.userId,
      status: 'pending',
      write: {
        kind: 'create_call_log',
        payload: { person_id: 501, user_id: ADA.userId, outcome: 'connected', duration: '42', subject: 'Inbound call from Ada Customer', note: '<p>Wants a demo</p>' },
      },
    });
    expect((await h.calls.get(ACME, callId))?.isCallLogged).toBe(true);
  });

  it('notes to deal: the log carries the deal, and the choice is remembered for the number', async () => {
    const { h, callId } = await endedCall();
    expectOk(await submitWrapUp(h.deps, { companyId: ACME, userId: ADA.userId, wrapUp: wrapUp(callId, { kind: 'notes_to_deal', dealId: 902 }) }));
    expect(await queued(h, callId)).toEqual(['create_call_log:call_log']);
    expect((await h.outbox.listForCall(callId))[0]?.write.payload).toMatchObject({ deal_id: 902, person_id: 501 });
    expect(await h.preferences.get(ACME, KNOWN_NUMBER)).toMatchObject({ personId: 501, dealId: 902 });
    expect((await h.calls.get(ACME, callId))?.call.dealId).toBe(902);
  });

  it('notes to contact: one log with the notes on the person chosen, no second note', async () => {
    const { h, callId } = await endedCall(SHARED_NUMBER);
    expectOk(await submitWrapUp(h.deps, { companyId: ACME, userId: ADA.userId, wrapUp: wrapUp(callId, { kind: 'notes_to_contact', personId: 503 }) }));
    expect(await queued(h, callId)).toEqual(['create_call_log:call_log']);
    expect((await h.outbox.listForCall(callId))[0]?.write.payload).toMatchObject({ person_id: 503, subject: 'Inbound call from Sally Shared' });
    expect(await h.preferences.get(ACME, SHARED_NUMBER)).toMatchObject({ personId: 503 });
  });

  it('links the log to the organization of the person the call is about', async () => {
    const { h, callId } = await endedCall();
    expectOk(await submitWrapUp(h.deps, { companyId: ACME, userId: ADA.userId, wrapUp: wrapUp(callId, { kind: 'hang_up' }) }));
    expect((await h.outbox.listForCall(callId))[0]?.write.payload).toMatchObject({ person_id: 501, org_id: 71 });
  });

  it('create contact: the person first, then the log (with the notes) pointing at it', async () => {
    const { h, callId } = await endedCall(UNKNOWN_NUMBER);
    expectOk(await submitWrapUp(h.deps, { companyId: ACME, userId: ADA.userId, wrapUp: wrapUp(callId, { kind: 'create_contact', name: 'New Person' }) }));
    expect(await queued(h, callId)).toEqual(['create_person:person', 'create_call_log:call_log']);
    expect(await h.preferences.get(ACME, UNKNOWN_NUMBER)).toBeUndefined();
  });

  it('create contact: the history names the call by the typed name at once, and links the person once delivered', async () => {
    const { h, callId } = await endedCall(UNKNOWN_NUMBER);
    const result = expectOk(await submitWrapUp(h.deps, { companyId: ACME, userId: ADA.userId, wrapUp: wrapUp(callId, { kind: 'create_contact', name: '  Carla Diaz ' }) }));
    expect(result.call).toMatchObject({ newContactName: 'Carla Diaz', personId: null });
    const history = await getCallHistory(h.deps, { companyId: ACME, userId: ADA.userId });
    expect(history.calls[0]).toMatchObject({ id: callId, newContactName: 'Carla Diaz' });

    const delivered = (key: string, resultId: number | string | undefined) => linkCreatedPerson(h.deps, { companyId: ACME, callId, idempotencyKey: key, resultId });
    expect(await delivered(`call:${callId}:call_log`, 4711)).toBe(false);
    expect(await delivered(`call:${callId}:person`, 777)).toBe(true);
    expect((await h.calls.get(ACME, callId))?.call).toMatchObject({ personId: 777, newContactName: 'Carla Diaz' });
    // Delivered again (a reconciled retry): the person already linked stays.
    expect(await delivered(`call:${callId}:person`, 778)).toBe(false);
    expect((await h.calls.get(ACME, callId))?.call.personId).toBe(777);
  });

  it('queues the writes exactly once when submitted twice (double click, second tab)', async () => {
    const { h, callId } = await endedCall();
    const submit = () => submitWrapUp(h.deps, { companyId: ACME, userId: ADA.userId, wrapUp: wrapUp(callId, { kind: 'notes_to_deal', dealId: 901 }) });
    const [first, second] = await Promise.all([submit(), submit()]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((r) => !r.ok)).toEqual({ ok: false, error: { code: 'WRAP_UP_ALREADY_DONE', callId } });
    expect(await queued(h, callId)).toEqual(['create_call_log:call_log']);
  });

  it('late, after the automatic log: the notes become a deal note, never a second log', async () => {
    const { h, callId } = await endedCall();
    await h.clock.advance(TEST_SETTINGS.wrapUpGracePeriodMs);
    expect((await logAbandonedCalls(h.deps)).logged).toEqual([callId]);
    const result = expectOk(await submitWrapUp(h.deps, { companyId: ACME, userId: ADA.userId, wrapUp: wrapUp(callId, { kind: 'notes_to_deal', dealId: 901 }) }));
    expect(result).toMatchObject({ isLate: true, queuedKeys: [`call:${callId}:deal_note`] });
    expect(await queued(h, callId)).toEqual(['create_call_log:call_log', 'create_note:deal_note']);
    const [automaticLog, note] = await h.outbox.listForCall(callId);
    expect(automaticLog?.write.payload).not.toHaveProperty('note');
    expect(automaticLog?.write.payload).toMatchObject({ person_id: 501, org_id: 71 });
    expect(note?.write.payload).toMatchObject({ deal_id: 901, person_id: 501, org_id: 71 });
  });

  it('re-plans as late when the automatic log commits while the wrap-up is being saved', async () => {
    const { h, callId } = await endedCall();
    await h.clock.advance(TEST_SETTINGS.wrapUpGracePeriodMs);
    let hasRaced = false;
    const racingUnitOfWork: UnitOfWork = {
      async commitCallChanges(changes) {
        if (!hasRaced) {
          hasRaced = true;
          await logAbandonedCalls(h.deps);
        }
        return h.deps.unitOfWork.commitCallChanges(changes);
      },
    };
    const result = await submitWrapUp(
      { ...h.deps, unitOfWork: racingUnitOfWork },
      { companyId: ACME, userId: ADA.userId, wrapUp: wrapUp(callId, { kind: 'notes_to_deal', dealId: 901 }) },
    );
    expect(result).toMatchObject({ ok: true, isLate: true });
    expect(await queued(h, callId)).toEqual(['create_call_log:call_log', 'create_note:deal_note']);
  });

  it("refuses another agent's wrap-up and a call still going", async () => {
    const { h, callId } = await endedCall();
    expect(await submitWrapUp(h.deps, { companyId: ACME, userId: GRACE.userId, wrapUp: wrapUp(callId, { kind: 'hang_up' }) })).toEqual({
      ok: false,
      error: { code: 'CALL_NOT_YOURS', callId },
    });
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: GRACE.userId, tabId: 'g', callId: call.id }));
    expect(await submitWrapUp(h.deps, { companyId: ACME, userId: GRACE.userId, wrapUp: wrapUp(call.id, { kind: 'hang_up' }) })).toEqual({
      ok: false,
      error: { code: 'WRAP_UP_CALL_NOT_ENDED', callId: call.id },
    });
    expect(await h.outbox.listForCall(call.id)).toEqual([]);
  });
});
