import { describe, expect, it } from 'vitest';
import { planWrapUpWrites, type PlanWrapUpInput } from './plan-wrap-up-writes';
import { MISSED_PATH, SETTINGS, endedCall } from '@/domain/wrap-up/testing/wrap-up-test-helpers';
import type { WrapUp } from './wrap-up.types';
import { applyAll, callIn } from '@/domain/call/testing/call-test-helpers';

const NOTES = 'Wants <b>pricing</b> & a demo';
const NOTES_HTML = '<p>Wants &lt;b&gt;pricing&lt;/b&gt; &amp; a demo</p>';

function wrapUp(action: WrapUp['action'], notes = NOTES): WrapUp {
  return { callId: 'call-1', notes, action };
}

function plan(overrides: Partial<PlanWrapUpInput> & Pick<PlanWrapUpInput, 'wrapUp'>) {
  return planWrapUpWrites({
    call: endedCall('inbound', undefined, { personId: 5 }),
    settings: SETTINGS,
    isCallLogged: false,
    context: { personName: 'Ada Lovelace' },
    ...overrides,
  });
}

function summary(result: ReturnType<typeof planWrapUpWrites>) {
  if (!result.ok) return result.error.code;
  return result.writes.map((w) => `${w.kind}:${w.idempotencyKey}`);
}

describe('planWrapUpWrites on time', () => {
  it('hang up: one call log with the escaped notes, linked to the call person', () => {
    const result = plan({ wrapUp: wrapUp({ kind: 'hang_up' }) });
    expect(result).toEqual({
      ok: true,
      isLate: false,
      hasUnplacedNotes: false,
      writes: [
        {
          kind: 'create_call_log',
          purpose: 'call_log',
          idempotencyKey: 'call:call-1:call_log',
          payload: expect.objectContaining({ person_id: 5, note: NOTES_HTML, outcome: 'connected', user_id: 7 }),
        },
      ],
    });
  });

  it('notes to deal: the call log carries the deal and the person, no extra note', () => {
    const result = plan({ wrapUp: wrapUp({ kind: 'notes_to_deal', dealId: 42 }) });
    expect(summary(result)).toEqual(['create_call_log:call:call-1:call_log']);
    expect(result.ok && result.writes[0]?.payload).toMatchObject({ deal_id: 42, person_id: 5, note: NOTES_HTML });
  });

  it.each([
    ['hang up', { kind: 'hang_up' }],
    ['notes to deal', { kind: 'notes_to_deal', dealId: 42 }],
    ['notes to contact', { kind: 'notes_to_contact', personId: 6 }],
    ['create contact', { kind: 'create_contact', name: 'Grace Hopper' }],
  ] as Array<[string, WrapUp['action']]>)('%s: the notes go once, in the call log only (never a second note)', (_name, action) => {
    const result = plan({ wrapUp: wrapUp(action) });
    if (!result.ok) throw new Error(result.error.code);
    const withNotes = result.writes.filter((write) => JSON.stringify(write.payload).includes('pricing'));
    expect(withNotes.map((write) => write.kind)).toEqual(['create_call_log']);
    expect(withNotes[0]?.payload).toMatchObject({ note: NOTES_HTML });
  });

  it('links the call log to the organization the call is about', () => {
    const call = endedCall('inbound', undefined, { personId: 5, dealId: 8 });
    const context = { personName: 'Ada Lovelace', orgId: 3 };
    const result = plan({ call, context, wrapUp: wrapUp({ kind: 'notes_to_contact', personId: 6 }) });
    expect(result.ok && result.writes[0]?.payload).toMatchObject({ person_id: 6, org_id: 3 });
    expect(result.ok && result.writes[0]?.payload).not.toHaveProperty('deal_id');
  });

  it('create contact: the person first, then the log pointing at it', () => {
    const call = endedCall('inbound');
    const result = plan({ call, context: {}, wrapUp: wrapUp({ kind: 'create_contact', name: '  Grace Hopper ' }) });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const [person, log] = result.writes;
    expect(person).toEqual({
      kind: 'create_person',
      purpose: 'person',
      idempotencyKey: 'call:call-1:person',
      payload: { name: 'Grace Hopper', phones: [{ value: '+442079460958', primary: true, label: 'work' }] },
    });
    expect(log).toMatchObject({ personIdFromWrite: 'call:call-1:person', payload: { subject: 'Inbound call from Grace Hopper', note: NOTES_HTML } });
    expect(log?.payload).not.toHaveProperty('person_id');
    expect(result.writes).toHaveLength(2);
  });

  it('carries no note when the notes are blank', () => {
    const result = plan({ wrapUp: wrapUp({ kind: 'notes_to_contact', personId: 6 }, '  \n ') });
    expect(summary(result)).toEqual(['create_call_log:call:call-1:call_log']);
    expect(result.ok && result.writes[0]?.payload).not.toHaveProperty('note');
  });

  it("records the agent's outcome in the log", () => {
    const result = plan({
      call: endedCall('outbound'),
      wrapUp: { ...wrapUp({ kind: 'hang_up' }), reportedOutcome: 'wrong_number' },
    });
    expect(result.ok && result.writes[0]?.payload).toMatchObject({ outcome: 'wrong_number' });
  });

  it('adds a call-back activity for a missed call when the company wants one', () => {
    const call = endedCall('inbound', MISSED_PATH, { personId: 5 });
    const result = plan({ call, settings: { createCallbackForMissedCalls: true }, wrapUp: wrapUp({ kind: 'hang_up' }) });
    expect(summary(result)).toEqual([
      'create_call_log:call:call-1:call_log',
      'create_activity:call:call-1:callback_activity',
    ]);
    expect(result.ok && result.writes[1]?.payload).toEqual({
      subject: 'Call back Ada Lovelace',
      type: 'call',
      due_date: '2026-03-14',
      done: false,
      person_id: 5,
    });
  });

  it('adds no call-back activity for an answered call', () => {
    const result = plan({ settings: { createCallbackForMissedCalls: true }, wrapUp: wrapUp({ kind: 'hang_up' }) });
    expect(summary(result)).toEqual(['create_call_log:call:call-1:call_log']);
  });

  it('gives the same keys every time for the same call', () => {
    const input = { wrapUp: wrapUp({ kind: 'create_contact', name: 'X' } as const) };
    expect(summary(plan(input))).toEqual(summary(plan(input)));
  });
});

describe('planWrapUpWrites late (the automatic log went first)', () => {
  it('notes to deal become one note on the deal, the call person and their organization', () => {
    const context = { personName: 'Ada Lovelace', orgId: 3 };
    const result = plan({ isCallLogged: true, context, wrapUp: wrapUp({ kind: 'notes_to_deal', dealId: 42 }) });
    expect(result).toMatchObject({ ok: true, isLate: true, hasUnplacedNotes: false });
    expect(summary(result)).toEqual(['create_note:call:call-1:deal_note']);
    expect(result.ok && result.writes[0]?.payload).toMatchObject({ deal_id: 42, person_id: 5, org_id: 3 });
  });

  it('notes to contact become a note on the person, never a second call log', () => {
    const result = plan({ isCallLogged: true, context: { orgId: 3 }, wrapUp: wrapUp({ kind: 'notes_to_contact', personId: 6 }) });
    expect(summary(result)).toEqual(['create_note:call:call-1:person_note']);
    expect(result.ok && result.writes[0]?.payload).toMatchObject({ person_id: 6, org_id: 3 });
  });

  it('create contact still creates the person, with the notes on it', () => {
    const result = plan({ isCallLogged: true, wrapUp: wrapUp({ kind: 'create_contact', name: 'Grace' }) });
    expect(summary(result)).toEqual(['create_person:call:call-1:person', 'create_note:call:call-1:person_note']);
  });

  it('hang up puts the notes on the call deal, else on the call person', () => {
    const withDeal = endedCall('inbound', undefined, { personId: 5, dealId: 8 });
    expect(summary(plan({ call: withDeal, isCallLogged: true, wrapUp: wrapUp({ kind: 'hang_up' }) }))).toEqual([
      'create_note:call:call-1:deal_note',
    ]);
    expect(summary(plan({ isCallLogged: true, wrapUp: wrapUp({ kind: 'hang_up' }) }))).toEqual([
      'create_note:call:call-1:person_note',
    ]);
  });

  it('says so when notes of an unknown caller have nowhere to go', () => {
    const call = endedCall('inbound');
    const result = plan({ call, isCallLogged: true, wrapUp: wrapUp({ kind: 'hang_up' }) });
    expect(result).toEqual({ ok: true, isLate: true, hasUnplacedNotes: true, writes: [] });
  });

  it('writes nothing for blank notes', () => {
    const result = plan({ isCallLogged: true, wrapUp: wrapUp({ kind: 'notes_to_deal', dealId: 42 }, '') });
    expect(result).toEqual({ ok: true, isLate: true, hasUnplacedNotes: false, writes: [] });
  });

  it("keeps the agent's outcome in the late note, since the log cannot change", () => {
    const result = plan({
      isCallLogged: true,
      wrapUp: { ...wrapUp({ kind: 'notes_to_contact', personId: 6 }), reportedOutcome: 'left_voicemail' },
    });
    expect(result.ok && result.writes[0]?.payload).toMatchObject({
      content: expect.stringContaining('<p>Outcome: left voicemail</p>'),
    });
  });
});

describe('planWrapUpWrites refusals', () => {
  it.each([
    ['WRAP_UP_CALL_MISMATCH', { wrapUp: { ...wrapUp({ kind: 'hang_up' }), callId: 'other' } }],
    ['WRAP_UP_CALL_NOT_ENDED', { call: callIn('connected', 'inbound'), wrapUp: wrapUp({ kind: 'hang_up' }) }],
    [
      'WRAP_UP_ALREADY_DONE',
      { call: applyAll(endedCall('inbound'), [{ type: 'wrap_up' }], Date.UTC(2026, 2, 14, 10)), wrapUp: wrapUp({ kind: 'hang_up' }) },
    ],
    ['WRAP_UP_CONTACT_NAME_REQUIRED', { wrapUp: wrapUp({ kind: 'create_contact', name: '   ' }) }],
  ] as Array<[string, Parameters<typeof plan>[0]]>)('%s', (code, input) => {
    expect(plan(input)).toEqual({ ok: false, error: { code, callId: 'call-1' } });
  });
});
