import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { callLabel, contactDetails, initialsOf, safeImageUrl } from './contact-display';
import { ContactList } from './contact-list';
import { ContactRow } from './contact-row';
import { contact } from '@/ui/contacts/testing/test-contacts';

const noop = () => {};

describe('ContactRow', () => {
  it('is a button named exactly "Call <name>" with phone and organization as its description', () => {
    const html = renderToStaticMarkup(
      <ContactRow contact={contact(7, 'Ada Lovelace', { organizationName: 'Analytical Engines' })} onCall={noop} />,
    );
    expect(html).toMatch(/<button type="button" class="contact-button" aria-label="Call Ada Lovelace" aria-describedby="([^"]+)"/);
    const describedBy = html.match(/aria-describedby="([^"]+)"/)?.[1];
    expect(html).toContain(`id="${describedBy}">+14155550007 · work · Analytical Engines</span>`);
    expect(html).toContain('>AL</span>');
  });

  it('renders a hostile name as text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const html = renderToStaticMarkup(<ContactRow contact={contact(1, hostile)} onCall={noop} />);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<img');
    expect(html).toContain('aria-label="Call &lt;img src=x onerror=alert(1)&gt;"');
    expect(html).toContain('>&lt;img src=x onerror=alert(1)&gt;</span>');
  });

  it('shows a picture only for http(s) URLs', () => {
    const withPicture = renderToStaticMarkup(
      <ContactRow contact={contact(1, 'Pic', { pictureUrl: 'https://cdn.example/p.png' })} onCall={noop} />,
    );
    expect(withPicture).toContain('<img class="avatar" src="https://cdn.example/p.png" alt=""');
    const scripted = renderToStaticMarkup(
      <ContactRow contact={contact(1, 'Pic', { pictureUrl: 'javascript:alert(1)' })} onCall={noop} />,
    );
    expect(scripted).not.toContain('javascript:');
    expect(scripted).toContain('avatar-initials');
  });
});

describe('ContactList', () => {
  it('renders one "Call <name>" button per loaded contact, in order', () => {
    const html = renderToStaticMarkup(
      <ContactList contacts={[contact(1, 'Ann'), contact(2, 'Bob')]} onCall={noop} label="Contacts" />,
    );
    expect(html.match(/aria-label="Call [^"]+"/g)).toEqual(['aria-label="Call Ann"', 'aria-label="Call Bob"']);
    expect(html).toContain('<ul class="contact-list" aria-label="Contacts">');
  });

  it('renders nothing for an empty list (the panel shows the empty message)', () => {
    expect(renderToStaticMarkup(<ContactList contacts={[]} onCall={noop} label="Contacts" />)).toBe('');
  });
});

describe('contact display helpers', () => {
  it('labels calls, including nameless persons', () => {
    expect(callLabel(' Zoë ')).toBe('Call Zoë');
    expect(callLabel('')).toBe('Call unnamed contact');
  });

  it('builds initials from letters and digits only', () => {
    expect(initialsOf('grace brewster hopper')).toBe('GH');
    expect(initialsOf('Łukasz')).toBe('Ł');
    expect(initialsOf('<img src=x>')).toBe('IS');
    expect(initialsOf('  ')).toBe('?');
  });

  it('filters picture URLs and joins details', () => {
    expect(safeImageUrl('data:image/png;base64,AAA')).toBeNull();
    expect(safeImageUrl('not a url')).toBeNull();
    expect(safeImageUrl('http://a.example/x.png')).toBe('http://a.example/x.png');
    expect(contactDetails(contact(3, 'X', { phones: [{ value: '555', label: null, primary: false }] }))).toBe('555');
  });
});
