import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CallList } from '@/ui/calls/call-list';
import { CallerCard } from '@/ui/calls/caller-card';
import { callView, ended } from '@/ui/calls/test-calls';
import { ContactRow } from '@/ui/contacts/contact-row';
import { formatPhoneNumber } from './format-phone-number';
import { PhoneFormatContext } from './phone-format-context';

const usStyle = (raw: string) => formatPhoneNumber(raw, 'US');
const stored = '18386395322';

function inUsCompany(element: React.ReactElement): string {
  return renderToStaticMarkup(<PhoneFormatContext value={usStyle}>{element}</PhoneFormatContext>);
}

describe('numbers stored without formatting are shown in the company\'s style', () => {
  it('in the caller card', () => {
    const html = inUsCompany(<CallerCard model={{ name: null, unnamed: 'Not in Pipedrive', number: stored, pictureUrl: null, organizationName: null, matchedOn: null }} />);
    expect(html).toContain('<p class="caller-number">(838) 639-5322</p>');
  });

  it('in missed calls and history (the number stands for the unknown caller)', () => {
    const call = ended(callView({ remoteNumber: stored, caller: { number: { e164: null, display: stored }, matches: [], remembered: null } }), 'no_answer');
    const html = inUsCompany(<CallList calls={[call]} now={call.createdAt} label="Missed calls" onCallBack={() => {}} />);
    expect(html).toContain('<span class="contact-name">(838) 639-5322</span>');
    expect(html).not.toContain(stored);
  });

  it('in the contact list', () => {
    const contact = { id: 1, name: 'Ann', pictureUrl: null, organizationName: null, phones: [{ value: stored, label: 'work', primary: true }] };
    expect(inUsCompany(<ContactRow contact={contact} onCall={() => {}} />)).toContain('(838) 639-5322 · work');
  });
});
