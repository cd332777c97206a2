import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HomeTabs } from '@/ui/window/home-tabs';
import { CallList } from './call-list';
import type { ContactChoice } from './call-context';
import type { CallView } from './call-types';
import { DialerScreen, type DialerScreenProps } from './dialer-screen';
import { FollowUpScreen, type FollowUpScreenProps } from './follow-up-screen';
import { IncomingScreen } from './incoming-screen';
import { callView, connected, deal, ended, match, withMatches } from './test-calls';

const noop = () => {};
const HOSTILE = '<img src=x onerror=alert(1)>';

/** The id of the control a visible <label> names, and that the control carries it. */
function controlNamed(html: string, text: string): string {
  const id = html.match(new RegExp(`<label for="([^"]+)"[^>]*>${text}</label>`))?.[1];
  expect(id, `label "${text}"`).toBeDefined();
  expect(html).toContain(`id="${id}"`);
  return id ?? '';
}

function button(html: string, name: string): string | undefined {
  return html.match(new RegExp(`<button[^>]*>${name}</button>`))?.[0];
}

const ann = match(1, 'Ann Example', [deal(10, 'Website', 1200, 'EUR'), deal(11, 'Support plan', null, null)], {
  person: { id: 1, name: 'Ann Example', pictureUrl: 'https://cdn.example/ann.png', organizationName: 'Acme' },
});
const bob = match(2, 'Bob Example', [], { matchedPhone: { value: '+1 415 555 0134', label: 'work' } });

describe('IncomingScreen', () => {
  const render = (call: CallView, choice: ContactChoice = { personId: null, dealId: null }) =>
    renderToStaticMarkup(<IncomingScreen call={call} choice={choice} isBusy={false} onChoosePerson={noop} onAnswer={noop} onReject={noop} />);

  it('shows the matched caller: name, picture, organization, matched number, open deals; Answer and Reject', () => {
    const html = render(withMatches(callView(), [ann]), { personId: 1, dealId: 10 });
    expect(html).toContain('>Ann Example</p>');
    expect(html).toContain('src="https://cdn.example/ann.png"');
    expect(html).toContain('>Acme</p>');
    expect(html).toContain('>Matched on mobile +44 20 7946 0958</p>');
    expect(html).toContain('<li>Website · €1,200</li>');
    expect(html).toContain('<li>Support plan</li>');
    expect(button(html, 'Answer')).toBeDefined();
    expect(button(html, 'Reject')).toBeDefined();
    expect(html).not.toContain('radiogroup');
  });

  it('says "Unknown caller" with the number and initials placeholder when nothing matches', () => {
    const html = render(callView());
    expect(html).toContain('>Unknown caller</p>');
    expect(html).toContain('>+44 20 7946 0958</p>');
    expect(html).toContain('avatar-initials');
  });

  it('says a picked person\'s deals show once answered when the screen-pop left them out', () => {
    const bobUnloaded = { ...bob, openDealsLoaded: false };
    const picked = render(withMatches(callView(), [ann, bobUnloaded]), { personId: 2, dealId: null });
    expect(picked).toContain('>Their open deals show once you answer.</p>');
    const loaded = render(withMatches(callView(), [ann, bob]), { personId: 2, dealId: null });
    expect(loaded).not.toContain('open deals show once');
  });

  it('lets the agent pick among several matches, the remembered one preselected', () => {
    const html = render(withMatches(callView(), [ann, bob], { personId: 2, dealId: null }), { personId: 2, dealId: null });
    const group = html.match(/<div class="person-picker" role="radiogroup" aria-labelledby="([^"]+)">/);
    expect(group).not.toBeNull();
    expect(html).toContain(`id="${group?.[1]}">Who is calling?</p>`);
    expect(html).toMatch(/<input type="radio" name="[^"]+" checked="" value="2"\/>/);
    expect(html).toMatch(/<input type="radio" name="[^"]+" value="1"\/>/);
    expect(html.match(/checked=""/g)).toHaveLength(1);
  });

  it('renders a hostile caller name as text', () => {
    const hostile = match(3, HOSTILE, [deal(1, HOSTILE)], { person: { id: 3, name: HOSTILE, pictureUrl: 'javascript:alert(1)', organizationName: HOSTILE } });
    const html = render(withMatches(callView(), [hostile]), { personId: 3, dealId: 1 });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('DialerScreen', () => {
  const base: DialerScreenProps = {
    call: null,
    placing: null,
    choice: { personId: null, dealId: null },
    now: 0,
    notes: '',
    onNotesChange: noop,
    contactName: '',
    onContactNameChange: noop,
    isBusy: false,
    onChoosePerson: noop,
    onChooseDeal: noop,
    onEnd: noop,
  };
  const render = (props: Partial<DialerScreenProps>) => renderToStaticMarkup(<DialerScreen {...base} {...props} />);
  const talking = connected(withMatches(callView({ direction: 'outbound' }), [ann]), 1_000_000);

  it('connected with open deals: status, timer, Notes, the Deal picker and "Hang up and add notes to deal"', () => {
    const html = render({ call: talking, choice: { personId: 1, dealId: 11 }, now: 1_065_000, notes: 'Wants <b>pricing</b>' });
    expect(html).toContain('<span role="status">Connected</span>');
    expect(html).toContain('<time class="call-timer" dateTime="PT65S">01:05</time>');
    const notesId = controlNamed(html, 'Notes');
    expect(html).toMatch(new RegExp(`<textarea id="${notesId}" class="input notes" rows="4" maxLength="10000">Wants &lt;b&gt;pricing&lt;/b&gt;</textarea>`));
    const dealId = controlNamed(html, 'Deal');
    expect(html).toContain(`<select id="${dealId}" class="input">`);
    expect(html).toMatch(/<option value="11" selected="">Support plan<\/option>/);
    expect(button(html, 'Hang up and add notes to deal')).toBeDefined();
    expect(button(html, 'Hang up')).toBeDefined();
    expect(html).not.toContain('Hang up and add notes to contact');
    expect(html).not.toContain('Hang up and create contact');
  });

  it('existing contact without deals: "Hang up and add notes to contact"', () => {
    const call = connected(withMatches(callView(), [bob]));
    const html = render({ call, choice: { personId: 2, dealId: null } });
    expect(button(html, 'Hang up and add notes to contact')).toBeDefined();
    expect(html).not.toContain('Hang up and add notes to deal');
    expect(html).toContain('>Matched on work +1 415 555 0134</p>');
  });

  it('unknown number: a "Contact name" box and "Hang up and create contact"', () => {
    const html = render({ call: connected(callView()), contactName: HOSTILE });
    const nameId = controlNamed(html, 'Contact name');
    expect(html).toContain(`id="${nameId}" class="input" type="text"`);
    expect(html).toContain('value="&lt;img src=x onerror=alert(1)&gt;"');
    expect(button(html, 'Hang up and create contact')).toBeDefined();
    expect(html).toContain('>Unknown caller</p>');
  });

  it('an outbound call to a number not in Pipedrive says so, not "Unknown caller"', () => {
    const html = render({ call: connected(callView({ direction: 'outbound' })) });
    expect(html).toContain('>Not in Pipedrive</p>');
    expect(html).not.toContain('Unknown caller');
  });

  it('several matches, none picked: the "Who is calling?" group and only the plain "Hang up"', () => {
    const html = render({ call: connected(withMatches(callView(), [ann, bob])) });
    expect(html).toContain('Who is calling?');
    expect(html).not.toContain('Hang up and');
    expect(button(html, 'Hang up')).toBeDefined();
  });

  it('while placing: "Calling…", who is called, Notes usable, Hang up disabled until the call exists', () => {
    const placing = { number: '+1555', source: 'contact' as const, personId: 9, name: HOSTILE, pictureUrl: null, organizationName: null };
    const html = render({ placing });
    expect(html).toContain('<span role="status">Calling…</span>');
    expect(html).toContain('>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<button type="button" class="button danger" disabled="">Hang up</button>');
    expect(html).not.toMatch(/<textarea[^>]*disabled/);
  });

  it('shows the dialled contact when the lookup found no match for the number', () => {
    const dialled = { number: '555', source: 'contact' as const, personId: 9, name: 'Dora Dialled', pictureUrl: null, organizationName: 'Initech' };
    const html = render({ call: callView({ direction: 'outbound', personId: 9 }), placing: dialled, choice: { personId: 9, dealId: null } });
    expect(html).toContain('>Dora Dialled</p>');
    expect(html).toContain('>Initech</p>');
    expect(html).toContain('>+44 20 7946 0958</p>');
    expect(button(html, 'Hang up and add notes to contact')).toBeDefined();
  });

  it('after a remote hang-up: "Call ended", duration frozen, same buttons', () => {
    const html = render({ call: ended(talking, 'completed', 42), choice: { personId: 1, dealId: 10 }, now: 9_999_999 });
    expect(html).toContain('<span role="status">Call ended</span>');
    expect(html).toContain('>00:42</time>');
    expect(button(html, 'Hang up and add notes to deal')).toBeDefined();
  });

  it('disables the buttons while a request runs', () => {
    const html = render({ call: talking, choice: { personId: 1, dealId: 10 }, isBusy: true });
    expect(html).toContain('disabled="">Hang up and add notes to deal</button>');
    expect(html).toContain('disabled="">Hang up</button>');
  });
});

describe('FollowUpScreen', () => {
  const base: FollowUpScreenProps = {
    who: 'Ann Example',
    save: { status: 'pending' },
    saved: [],
    isRetrying: false,
    canViewContact: true,
    hasDeal: false,
    activityResult: null,
    isActivityOpen: false,
    onRetry: noop,
    onCreateActivity: noop,
    onViewContact: noop,
    onViewDeal: noop,
    onOpen: noop,
    onBack: noop,
  };
  const render = (props: Partial<FollowUpScreenProps>) => renderToStaticMarkup(<FollowUpScreen {...base} {...props} />);

  it('has exactly the contract buttons', () => {
    const html = render({});
    expect(html).toContain('<div class="save-state" role="status"><p>Saving to Pipedrive…</p></div>');
    expect(button(html, 'Create follow-up activity')).toBeDefined();
    expect(button(html, 'View contact')).not.toContain('disabled');
    expect(button(html, 'Back to dialer')).toBeDefined();
    expect(html).not.toContain('Retry');
  });

  it('lists what was saved, each record a link, and disables "View contact" without a person', () => {
    const saved = [
      { text: 'Call log (02:05 talk time) with', subject: 'Ann', link: { view: 'contacts' as const, id: 1 } },
      { text: 'Notes on deal', subject: 'Website redesign', link: { view: 'deals' as const, id: 10 } },
    ];
    const html = render({ save: { status: 'saved', items: ['call log', 'note on deal'] }, saved, canViewContact: false });
    expect(html).toContain('<p>Saved in Pipedrive:</p>');
    expect(html).toContain('<li>Call log (02:05 talk time) with <button type="button" class="link-button">Ann</button></li>');
    expect(html).toContain('<li>Notes on deal <button type="button" class="link-button">Website redesign</button></li>');
    expect(button(html, 'View contact')).toContain('disabled=""');
    expect(button(html, 'View deal')).toBeUndefined();
  });

  it('offers "View deal" beside "View contact" when the call is about a deal', () => {
    expect(button(render({ hasDeal: true }), 'View deal')).toBeDefined();
  });

  it('shows a failure with its error and "Retry"', () => {
    const html = render({ save: { status: 'failed', error: HOSTILE } });
    expect(html).toContain('role="alert"><p>Could not save to Pipedrive: &lt;img src=x onerror=alert(1)&gt;</p>');
    expect(button(html, 'Retry')).toBeDefined();
  });

  it('says why a pending save waits, with "Retry now"', () => {
    const html = render({ save: { status: 'pending', reason: HOSTILE } });
    expect(html).toContain('<p>Saving to Pipedrive…</p>');
    expect(html).toContain('<p>Not saved yet: &lt;img src=x onerror=alert(1)&gt;. It is tried again automatically.</p>');
    expect(button(html, 'Retry now')).toBeDefined();
  });

  it('shows the activity result and escapes the name in the heading', () => {
    const html = render({ who: HOSTILE, activityResult: 'Follow-up activity created.' });
    expect(html).toContain('Call with &lt;img src=x onerror=alert(1)&gt; ended</h2>');
    expect(html).toContain('role="status">Follow-up activity created.</p>');
  });
});

describe('HomeTabs', () => {
  it('is a tablist with stable names; the missed count is a description, not part of the name', () => {
    const html = renderToStaticMarkup(<HomeTabs tab="contacts" onSelect={noop} missedCount={3} renderPanel={(tab) => <p>{tab} panel</p>} />);
    expect(html).toContain('role="tablist" aria-label="Views"');
    for (const name of ['Contacts', 'Missed calls', 'History', 'Settings']) expect(html).toContain(`role="tab" aria-label="${name}"`);
    expect(html.match(/aria-selected="true"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-label="Contacts"[^>]*aria-selected="true"/);
    const describedBy = html.match(/aria-label="Missed calls"[^>]*aria-describedby="([^"]+)"/)?.[1];
    expect(html).toContain(`id="${describedBy}"><span aria-hidden="true">3</span><span class="visually-hidden">3 new</span>`);
    // Only the opened tab's panel is rendered; the others wait, hidden.
    expect(html).toContain('<p>contacts panel</p>');
    expect(html).not.toContain('missed panel');
    expect(html.match(/role="tabpanel"/g)).toHaveLength(4);
  });

  it('shows no badge at zero', () => {
    const html = renderToStaticMarkup(<HomeTabs tab="missed" onSelect={noop} missedCount={0} renderPanel={() => null} />);
    expect(html).not.toContain('tab-badge');
    expect(html).toMatch(/aria-label="Missed calls"[^>]*aria-selected="true"/);
  });
});

describe('CallList', () => {
  it('has a "Call back <who>" button per row and renders hostile names as text', () => {
    const calls = [
      ended(withMatches(callView({ id: 'a', personId: 3 }), [match(3, HOSTILE)]), 'no_answer'),
      ended(connected(callView({ id: 'b', direction: 'outbound' })), 'completed', 61),
    ];
    const html = renderToStaticMarkup(<CallList calls={calls} now={calls[0]?.createdAt ?? 0} label="Missed calls" onCallBack={noop} />);
    expect(html).toContain('<ul class="call-list" aria-label="Missed calls">');
    expect(html).toContain('aria-label="Call back &lt;img src=x onerror=alert(1)&gt;">Call back</button>');
    expect(html).toContain('aria-label="Call back +44 20 7946 0958">Call back</button>');
    expect(html).toContain('Outgoing · 01:01');
    expect(html).toContain('data-missed="true"');
    // A missed call says who (name and number), why and when.
    expect(html).toContain('<span class="contact-details">+44 20 7946 0958</span>');
    expect(html).toMatch(/Missed · Unanswered · Today, \d\d:\d\d/);
    expect(html).not.toContain('<img src=x');
  });
});
