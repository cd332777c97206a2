import { describe, expect, it } from 'vitest';
import { matchesActivity, matchesCallLog, matchesNote, matchesPerson, noteText, pipedriveTimeMs } from './write-matching';

const SINCE = Date.parse('2026-03-14T09:20:00Z');

describe('matching a record read back from Pipedrive to the write that may have created it', () => {
  const callLog = {
    outcome: 'connected' as const,
    from_phone_number: '+14155550134',
    to_phone_number: '+14155550100',
    start_time: '2026-03-14 09:30:05',
    end_time: '2026-03-14 09:31:05',
    duration: '60',
    subject: 'Inbound call from Ada',
    person_id: 41,
  };
  const storedLog = { id: 'abc', ...callLog, start_time: '2026-03-14T09:30:05.000Z', end_time: '2026-03-14T09:31:05.000Z', from_phone_number: '+1 415 555 0134' };

  it('call log: same call (start and end second, numbers, outcome, links), whatever the time or number format', () => {
    expect(matchesCallLog(storedLog, callLog)).toBe(true);
    expect(matchesCallLog({ ...storedLog, start_time: '2026-03-14 09:30:05' }, callLog)).toBe(true);
    expect(matchesCallLog({ ...storedLog, start_time: '2026-03-14T09:30:06.000Z' }, callLog)).toBe(false);
    expect(matchesCallLog({ ...storedLog, end_time: '2026-03-14T09:31:06.000Z' }, callLog)).toBe(false);
    expect(matchesCallLog({ ...storedLog, outcome: 'no_answer' }, callLog)).toBe(false);
    expect(matchesCallLog({ ...storedLog, to_phone_number: '+14155550101' }, callLog)).toBe(false);
    expect(matchesCallLog({ ...storedLog, person_id: 42 }, callLog)).toBe(false);
    expect(matchesCallLog({ ...storedLog, deal_id: 7 }, callLog)).toBe(true);
    expect(matchesCallLog({ ...storedLog, deal_id: 7 }, { ...callLog, deal_id: 8 })).toBe(false);
  });

  it('call log, note and activity: linked to the organization we sent', () => {
    expect(matchesCallLog({ ...storedLog, org_id: 3 }, { ...callLog, org_id: 3 })).toBe(true);
    expect(matchesCallLog({ ...storedLog, org_id: 4 }, { ...callLog, org_id: 3 })).toBe(false);
    const note = { content: 'Wants a quote', person_id: 41, org_id: 3 };
    const storedNote = { id: 9, person_id: 41, org_id: 3, content: 'Wants a quote', add_time: '2026-03-14 09:31:10', active_flag: true };
    expect(matchesNote(storedNote, note, SINCE)).toBe(true);
    expect(matchesNote({ ...storedNote, org_id: null }, note, SINCE)).toBe(false);
    const activity = { subject: 'Call back Ada', type: 'call' as const, due_date: '2026-03-14', done: false as const, person_id: 41, org_id: 3 };
    const storedActivity = { id: 5, subject: 'Call back Ada', type: 'call', due_date: '2026-03-14', person_id: 41, org_id: 3, add_time: '2026-03-14T09:31:10Z' };
    expect(matchesActivity(storedActivity, activity, SINCE)).toBe(true);
    expect(matchesActivity({ ...storedActivity, org_id: 4 }, activity, SINCE)).toBe(false);
  });

  it('note: same person or deal and the same text (as HTML Pipedrive may have cleaned), added in the window', () => {
    const sent = { content: 'Wants a &lt;b&gt;quote&lt;/b&gt;<br>Call back Monday', person_id: 41 };
    const stored = { id: 9, person_id: 41, deal_id: null, content: 'Wants a &lt;b&gt;quote&lt;/b&gt;<br />Call back  Monday', add_time: '2026-03-14 09:31:10', active_flag: true };
    expect(matchesNote(stored, sent, SINCE)).toBe(true);
    expect(matchesNote({ ...stored, content: 'Wants a quote' }, sent, SINCE)).toBe(false);
    expect(matchesNote({ ...stored, person_id: 40 }, sent, SINCE)).toBe(false);
    expect(matchesNote({ ...stored, add_time: '2026-03-14 09:19:59' }, sent, SINCE)).toBe(false);
    expect(matchesNote({ ...stored, active_flag: false }, sent, SINCE)).toBe(false);
    expect(noteText('<p>a &amp; b</p>')).toBe('a & b');
  });

  it('person: same name (any case) and the phone we gave, added in the window', () => {
    const sent = { name: 'Grace Hopper', phones: [{ value: '+14155550134', primary: true as const, label: 'work' as const }] };
    const stored = { id: 5, name: 'grace hopper ', phones: [{ value: '+1 (415) 555-0134', primary: true }], add_time: '2026-03-14T09:31:00Z' };
    expect(matchesPerson(stored, sent, SINCE)).toBe(true);
    expect(matchesPerson({ ...stored, name: 'Grace Murray Hopper' }, sent, SINCE)).toBe(false);
    expect(matchesPerson({ ...stored, phones: [{ value: '+14155550135' }] }, sent, SINCE)).toBe(false);
    expect(matchesPerson({ ...stored, add_time: '2026-03-01T00:00:00Z' }, sent, SINCE)).toBe(false);
    expect(matchesPerson({ ...stored, add_time: undefined }, sent, SINCE)).toBe(false);
  });

  it('activity: same subject, type, due date, assignee and person, added in the window', () => {
    const sent = { subject: 'Call back +1 415…', type: 'call' as const, due_date: '2026-03-14', done: false as const, user_id: 12, person_id: 41 };
    const stored = { id: 3, subject: 'Call back +1 415…', type: 'call', due_date: '2026-03-14', owner_id: 12, person_id: 41, add_time: '2026-03-14T09:31:00Z' };
    expect(matchesActivity(stored, sent, SINCE)).toBe(true);
    expect(matchesActivity({ ...stored, owner_id: 13 }, sent, SINCE)).toBe(false);
    expect(matchesActivity({ ...stored, due_date: '2026-03-15' }, sent, SINCE)).toBe(false);
    expect(matchesActivity({ ...stored, subject: 'Call back' }, sent, SINCE)).toBe(false);
    expect(matchesActivity({ ...stored, is_deleted: true }, sent, SINCE)).toBe(false);
  });

  it('reads v1 and v2 times as UTC', () => {
    expect(pipedriveTimeMs('2026-03-14 09:30:05')).toBe(Date.parse('2026-03-14T09:30:05Z'));
    expect(pipedriveTimeMs('2026-03-14T09:30:05.000Z')).toBe(Date.parse('2026-03-14T09:30:05Z'));
    expect(pipedriveTimeMs(undefined)).toBeNaN();
  });
});
