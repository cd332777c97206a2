import { describe, expect, it } from 'vitest';
import { savedItems } from './follow-up-saved';
import { callView, connected, deal, ended, match, withMatches } from './test-calls';

const talked = ended(connected(withMatches(callView(), [match(1, 'Ann', [deal(10, 'Website redesign')])])), 'completed', 125);
const ann = { personId: 1, dealId: 10 };

describe('savedItems (what the follow-up screen says was saved)', () => {
  it('names the call log with its talk time, and the deal the notes went to, each with a link', () => {
    const sent = { notes: 'hi', action: { type: 'notes_to_deal' as const, dealId: 10 } };
    expect(savedItems(['call log', 'note on deal'], { ...talked, personId: 1, dealId: 10 }, sent, ann)).toEqual([
      { text: 'Call log (02:05 talk time) with', subject: 'Ann', link: { view: 'contacts', id: 1 } },
      { text: 'Notes on deal', subject: 'Website redesign', link: { view: 'deals', id: 10 } },
    ]);
  });

  it('names the new contact and links it once Pipedrive has it', () => {
    const sent = { notes: '', action: { type: 'create_contact' as const, name: 'Zed' } };
    const unknown = ended(connected(callView()), 'completed', 42);
    expect(savedItems(['new contact', 'call log'], { ...unknown, personId: 77, newContactName: 'Zed' }, sent, { personId: null, dealId: null })).toEqual([
      { text: 'New contact', subject: 'Zed', link: { view: 'contacts', id: 77 } },
      { text: 'Call log (00:42 talk time) with', subject: 'Zed', link: { view: 'contacts', id: 77 } },
    ]);
  });

  it('says a call log of a call nobody answered, and keeps unknown items as the server named them', () => {
    const missed = ended(callView(), 'no_answer');
    expect(savedItems(['call log', 'something new', ' '], missed, null, { personId: null, dealId: null })).toEqual([
      { text: 'Call log (not answered) with', subject: '+44 20 7946 0958', link: null },
      { text: 'Something new', subject: null, link: null },
    ]);
  });
});
