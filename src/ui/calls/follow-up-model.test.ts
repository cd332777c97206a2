import { describe, expect, it } from 'vitest';
import { contactTarget, dealTarget, followUpActivity, followUpWho, notesAsHtml, saveStateOf } from './follow-up-model';
import { callView, connected, deal, ended, match, withMatches } from './test-calls';

const over = ended(connected(withMatches(callView(), [match(1, 'Ann', [deal(10)])])));
const choice = { personId: 1, dealId: 10 };

describe('saveStateOf', () => {
  it('follows call.wrapUp.status', () => {
    expect(saveStateOf({ ...over, wrapUp: { status: 'pending', savedItems: [], error: null } })).toEqual({ status: 'pending' });
    expect(saveStateOf({ ...over, wrapUp: { status: 'saved', savedItems: ['call log'], error: null } })).toEqual({ status: 'saved', items: ['call log'] });
    expect(saveStateOf({ ...over, wrapUp: { status: 'failed', savedItems: [], error: 'Rate limited' } })).toEqual({ status: 'failed', error: 'Rate limited' });
  });

  it('submitted or wrapped up but not reported yet is pending: "saved" only on the server\'s word', () => {
    expect(saveStateOf(over)).toEqual({ status: 'pending' });
    expect(saveStateOf({ ...over, state: 'wrapped_up' })).toEqual({ status: 'pending' });
  });

  it('says why a pending wrap-up is still waiting', () => {
    const waiting = { status: 'pending' as const, savedItems: ['call log'], error: 'reconnect the app in Pipedrive' };
    expect(saveStateOf({ ...over, state: 'wrapped_up', wrapUp: waiting })).toEqual({ status: 'pending', reason: 'reconnect the app in Pipedrive' });
  });

});

describe('contactTarget ("View contact") and dealTarget ("View deal")', () => {
  it('"View contact" opens the person even when the notes went to a deal; "View deal" opens the deal', () => {
    const sent = { notes: '', action: { type: 'notes_to_deal' as const, dealId: 10 } };
    expect(contactTarget(over, sent, choice)).toEqual({ view: 'contacts', id: 1 });
    expect(dealTarget(over, sent)).toEqual({ view: 'deals', id: 10 });
  });

  it('opens the person when no deal was chosen, and offers no deal', () => {
    const sent = { notes: '', action: { type: 'notes_to_contact' as const, personId: 1 } };
    expect(contactTarget(over, sent, choice)).toEqual({ view: 'contacts', id: 1 });
    expect(dealTarget(over, sent)).toBeNull();
    expect(contactTarget({ ...over, personId: 55 }, { notes: '', action: { type: 'create_contact', name: 'Zed' } }, { personId: null, dealId: null })).toEqual({
      view: 'contacts',
      id: 55,
    });
  });

  it('is null (button disabled) for an unknown caller with no contact', () => {
    expect(contactTarget(callView(), { notes: '', action: { type: 'hang_up' } }, { personId: null, dealId: null })).toBeNull();
  });
});

describe('followUpActivity (activity modal prefill)', () => {
  it('prefills subject, deal and the notes', () => {
    const sent = { notes: 'Send pricing\nby Friday', action: { type: 'notes_to_deal' as const, dealId: 10 } };
    expect(followUpActivity(over, sent, choice)).toEqual({ subject: 'Follow up: Ann', deal: 10, note: 'Send pricing<br>by Friday' });
  });

  it('uses the new contact name or the number, and leaves out empty parts', () => {
    const unknown = ended(connected(callView()));
    expect(followUpActivity(unknown, { notes: ' ', action: { type: 'hang_up' } }, { personId: null, dealId: null })).toEqual({
      subject: 'Follow up: +44 20 7946 0958',
    });
    expect(followUpWho(unknown, { notes: '', action: { type: 'create_contact', name: 'Zed' } }, { personId: null, dealId: null })).toBe('Zed');
  });

  it('escapes markup in the notes (Pipedrive notes are HTML)', () => {
    expect(notesAsHtml('<img src=x onerror=alert(1)> & "q"')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;');
  });
});
