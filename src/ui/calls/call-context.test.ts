import { describe, expect, it } from 'vitest';
import { buildWrapUp, callerName, choosePerson, initialChoice, wrapUpContext, NOTES_MAX_LENGTH, type WrapUpContext } from './call-context';
import { callView, deal, match, withMatches } from './test-calls';

const base = callView();
const withDeals = withMatches(base, [match(1, 'Ann', [deal(10), deal(11)])]);
const noDeals = withMatches(base, [match(2, 'Bob')]);
const several = withMatches(base, [match(1, 'Ann', [deal(10)]), match(2, 'Bob')]);

describe('initialChoice', () => {
  it('picks the only match and its first open deal', () => {
    expect(initialChoice(withDeals)).toEqual({ personId: 1, dealId: 10 });
    expect(initialChoice(noDeals)).toEqual({ personId: 2, dealId: null });
  });

  it('prefers the server choice, then the remembered person and deal', () => {
    expect(initialChoice({ ...several, personId: 2 })).toEqual({ personId: 2, dealId: null });
    const remembered = withMatches(base, [match(1, 'Ann', [deal(10), deal(11)]), match(2, 'Bob')], { personId: 1, dealId: 11 });
    expect(initialChoice(remembered)).toEqual({ personId: 1, dealId: 11 });
  });

  it('ignores a remembered person or deal that no longer matches', () => {
    const stale = withMatches(base, [match(1, 'Ann', [deal(10)]), match(2, 'Bob')], { personId: 3, dealId: null });
    expect(initialChoice(stale)).toEqual({ personId: null, dealId: null });
    const staleDeal = withMatches(base, [match(1, 'Ann', [deal(10)])], { personId: 1, dealId: 99 });
    expect(initialChoice(staleDeal)).toEqual({ personId: 1, dealId: 10 });
  });

  it('leaves several matches unpicked when nothing is remembered, and unknown callers empty', () => {
    expect(initialChoice(several)).toEqual({ personId: null, dealId: null });
    expect(initialChoice(base)).toEqual({ personId: null, dealId: null });
  });

  it('keeps a person the server linked even when the lookup did not return them', () => {
    expect(initialChoice({ ...base, personId: 42 })).toEqual({ personId: 42, dealId: null });
  });
});

describe('choosePerson', () => {
  it('takes the remembered deal only for the remembered person', () => {
    const call = withMatches(base, [match(1, 'Ann', [deal(10), deal(11)]), match(2, 'Bob', [deal(20), deal(21)])], { personId: 2, dealId: 21 });
    expect(choosePerson(call, 2)).toEqual({ personId: 2, dealId: 21 });
    expect(choosePerson(call, 1)).toEqual({ personId: 1, dealId: 10 });
  });
});

describe('wrapUpContext (which buttons the Dialer shows)', () => {
  it('existing contact with open deals: the deal picker', () => {
    expect(wrapUpContext(withDeals, { personId: 1, dealId: 11 })).toEqual({ kind: 'deal', personId: 1, deals: [deal(10), deal(11)], dealId: 11 });
  });

  it('falls back to the first deal when the picked one is not theirs', () => {
    expect(wrapUpContext(withDeals, { personId: 1, dealId: 77 })).toMatchObject({ kind: 'deal', dealId: 10 });
  });

  it('existing contact without deals: notes to contact', () => {
    expect(wrapUpContext(noDeals, { personId: 2, dealId: null })).toEqual({ kind: 'contact', personId: 2 });
  });

  it('unknown number: create a contact', () => {
    expect(wrapUpContext(base, { personId: null, dealId: null })).toEqual({ kind: 'unknown' });
  });

  it('several matches: the agent picks first, then the picked person decides', () => {
    expect(wrapUpContext(several, { personId: null, dealId: null })).toEqual({ kind: 'pick-person' });
    expect(wrapUpContext(several, { personId: 2, dealId: null })).toEqual({ kind: 'contact', personId: 2 });
    expect(wrapUpContext(several, { personId: 1, dealId: null })).toMatchObject({ kind: 'deal', dealId: 10 });
  });
});

describe('buildWrapUp (POST /api/calls/:id/wrap-up body)', () => {
  const dealContext: WrapUpContext = { kind: 'deal', personId: 1, deals: [deal(10)], dealId: 10 };
  const input = { notes: '  Wants a demo  ', contactName: '' };

  it('plain hang up sends the notes with action hang_up', () => {
    expect(buildWrapUp('hang_up', { kind: 'unknown' }, input)).toEqual({ ok: true, request: { notes: 'Wants a demo', action: { type: 'hang_up' } } });
    expect(buildWrapUp('hang_up', dealContext, { notes: '', contactName: '' })).toEqual({ ok: true, request: { notes: '', action: { type: 'hang_up' } } });
  });

  it('notes to deal / to contact carry the chosen ids', () => {
    expect(buildWrapUp('notes_to_deal', dealContext, input)).toEqual({
      ok: true,
      request: { notes: 'Wants a demo', action: { type: 'notes_to_deal', dealId: 10 } },
    });
    expect(buildWrapUp('notes_to_contact', { kind: 'contact', personId: 2 }, input)).toEqual({
      ok: true,
      request: { notes: 'Wants a demo', action: { type: 'notes_to_contact', personId: 2 } },
    });
  });

  it('create contact needs a name (trimmed)', () => {
    expect(buildWrapUp('create_contact', { kind: 'unknown' }, { notes: '', contactName: '  ' })).toEqual({
      ok: false,
      message: 'Enter a name for the new contact.',
    });
    expect(buildWrapUp('create_contact', { kind: 'unknown' }, { notes: 'x', contactName: ' Zoë ' })).toEqual({
      ok: true,
      request: { notes: 'x', action: { type: 'create_contact', name: 'Zoë' } },
    });
  });

  it('refuses an action the context does not offer, and notes over the limit', () => {
    expect(buildWrapUp('notes_to_deal', { kind: 'contact', personId: 2 }, input).ok).toBe(false);
    expect(buildWrapUp('notes_to_contact', { kind: 'pick-person' }, input).ok).toBe(false);
    expect(buildWrapUp('hang_up', { kind: 'unknown' }, { notes: 'x'.repeat(NOTES_MAX_LENGTH + 1), contactName: '' }).ok).toBe(false);
  });
});

describe('callerName', () => {
  it('names the chosen or only match, else null', () => {
    expect(callerName(withDeals)).toBe('Ann');
    expect(callerName(several)).toBeNull();
    expect(callerName(several, { personId: 2, dealId: null })).toBe('Bob');
    expect(callerName(withMatches(base, [match(1, '   ')]))).toBeNull();
  });
});
