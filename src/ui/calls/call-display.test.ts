import { describe, expect, it } from 'vitest';
import { callSummary, callWho, dealLabel, formatWhen, matchedOnText } from './call-display';
import { callView, connected, deal, ended, match, withMatches } from './test-calls';

describe('call display', () => {
  it('says which number matched', () => {
    expect(matchedOnText(match(1))).toBe('Matched on mobile +44 20 7946 0958');
    expect(matchedOnText(match(1, 'A', [], { matchedPhone: { value: '+1 555', label: null } }))).toBe('Matched on +1 555');
    expect(matchedOnText(match(1, 'A', [], { matchedPhone: { value: '', label: 'work' } }))).toBeNull();
  });

  it('labels deals with their value, tolerating odd currencies', () => {
    expect(dealLabel(deal(1, 'Website', 1200, 'EUR'), 'en-GB')).toBe('Website · €1,200');
    expect(dealLabel(deal(1, 'Website', 1200, 'POINTS'), 'en-GB')).toBe('Website · 1,200 POINTS');
    expect(dealLabel(deal(2, '  ', null, null))).toBe('Deal 2');
  });

  it('summarizes past calls', () => {
    const inbound = callView();
    expect(callSummary(ended(inbound, 'no_answer'))).toBe('Missed · Unanswered');
    expect(callSummary(ended(inbound, 'busy'))).toBe('Missed · Busy');
    expect(callSummary(ended(inbound, 'cancelled'))).toBe('Missed · Caller hung up');
    expect(callSummary(ended(inbound, 'rejected'))).toBe('Incoming · Rejected');
    expect(callSummary(ended(connected(inbound), 'completed', 125))).toBe('Incoming · 02:05');
    expect(callSummary(ended(callView({ direction: 'outbound' }), 'busy'))).toBe('Outgoing · Busy');
  });

  it('names the person of a past call, else its number', () => {
    expect(callWho(withMatches(callView({ personId: 2 }), [match(1, 'Ann'), match(2, 'Bob')]))).toBe('Bob');
    expect(callWho(callView())).toBe('+44 20 7946 0958');
  });

  it('names a past call by the contact created at its wrap-up, before and after Pipedrive gave its id', () => {
    const wrapped = callView({ state: 'wrapped_up', newContactName: ' Carla Diaz ' });
    expect(callWho(wrapped)).toBe('Carla Diaz');
    expect(callWho({ ...wrapped, personId: 77 })).toBe('Carla Diaz');
    // The agent said the caller is new: a loose match on the number does not name the call.
    expect(callWho(withMatches(wrapped, [match(1, 'Ann', [], { quality: 'trailing_digits' })]))).toBe('Carla Diaz');
  });

  it('shows the day ("Today") and time (fixed time zone)', () => {
    const now = Date.UTC(2026, 2, 12, 15, 0);
    const options = { locale: 'en-GB', timeZone: 'UTC' };
    expect(formatWhen(Date.UTC(2026, 2, 12, 9, 5), now, options)).toBe('Today, 09:05');
    expect(formatWhen(Date.UTC(2026, 2, 11, 23, 59), now, options)).toBe('11 Mar, 23:59');
    expect(formatWhen(0, now, options)).toBe('');
  });
});
