import { describe, expect, it } from 'vitest';
import type { ContactsSource } from './contacts-source.port';
import { parseSearchTerm, searchContacts } from './search-contacts';

describe('parseSearchTerm', () => {
  it.each([
    ['  Ada ', { ok: true, term: 'Ada', isPhoneNumber: false }],
    ['+1 (415) 555-0134', { ok: true, term: '14155550134', isPhoneNumber: true }],
    ['7', { ok: true, term: '7', isPhoneNumber: true }],
    ['a', { ok: false }],
    ['   ', { ok: false }],
  ])('%j', (raw, expected) => {
    expect(parseSearchTerm(raw)).toMatchObject(expected);
  });
});

describe('searchContacts', () => {
  it('searches phones for numbers, names otherwise, and drops persons without a phone', async () => {
    const calls: unknown[] = [];
    const source: ContactsSource = {
      listPersons: async () => ({ items: [], nextCursor: null }),
      getOrganizationNames: async () => new Map(),
      async searchPersons(term, options) {
        calls.push({ term, ...options });
        return [
          { id: 1, name: 'Ada', phones: ['+14155550134', '+14155550135'], organizationName: 'Acme', pictureUrl: 'https://pd.example/p/1.png' },
          { id: 2, name: 'No Phone', phones: [], organizationName: null, pictureUrl: null },
        ];
      },
    };
    const items = await searchContacts(source, { term: '4155550134', isPhoneNumber: true });
    expect(items).toEqual([
      {
        id: 1,
        name: 'Ada',
        phones: [
          { value: '+14155550134', label: null, primary: true },
          { value: '+14155550135', label: null, primary: false },
        ],
        organizationName: 'Acme',
        pictureUrl: 'https://pd.example/p/1.png',
      },
    ]);
    await searchContacts(source, { term: 'Ad', isPhoneNumber: false });
    await searchContacts(source, { term: '7', isPhoneNumber: true });
    expect(calls).toEqual([
      { term: '4155550134', fields: ['phone'], exactMatch: false, limit: 50 },
      { term: 'Ad', fields: ['name', 'phone'], exactMatch: false, limit: 50 },
      { term: '7', fields: ['phone'], exactMatch: true, limit: 50 },
    ]);
  });
});
