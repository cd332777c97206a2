import { describe, expect, it } from 'vitest';
import type { ContactsSource, SourcePerson } from './contacts-source.port';
import { decodeContactsCursor, encodeContactsCursor, listContacts, PIPEDRIVE_PAGE_SIZE } from './list-contacts';

/** A fake Pipedrive with `count` persons; every third one has no phone. */
function fakeSource(count: number) {
  const persons: SourcePerson[] = Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    name: `Person ${index + 1}`,
    phones: (index + 1) % 3 === 0 ? [] : [{ value: `+1555000${index + 1}`, label: 'work', primary: true }],
    orgId: (index + 1) % 2 === 0 ? 900 : null,
  }));
  const pageRequests: (string | null)[] = [];
  const source: ContactsSource = {
    async listPersons({ cursor, limit }) {
      pageRequests.push(cursor);
      const start = cursor === null ? 0 : Number(cursor);
      const end = Math.min(start + limit, persons.length);
      return { items: persons.slice(start, end), nextCursor: end < persons.length ? String(end) : null };
    },
    async getOrganizationNames(ids) {
      return new Map(ids.map((id) => [id, `Org ${id}`]));
    },
    async searchPersons() {
      return [];
    },
  };
  return { source, pageRequests };
}

describe('listContacts', () => {
  it('returns only persons with a phone and walks pages until the page is full', async () => {
    const { source, pageRequests } = fakeSource(PIPEDRIVE_PAGE_SIZE * 3);
    const page = await listContacts(source, { cursor: null, limit: 100 });
    expect(page.items).toHaveLength(100);
    expect(page.items.every((contact) => contact.phones.length > 0)).toBe(true);
    expect(pageRequests).toEqual([null, String(PIPEDRIVE_PAGE_SIZE)]);
    expect(page.items[1]).toMatchObject({ id: 2, organizationName: 'Org 900', pictureUrl: null });
    expect(page.items[0]?.organizationName).toBeNull();
  });

  it('continues exactly where the previous page stopped, without gaps or repeats, to the end', async () => {
    const { source } = fakeSource(250);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const decoded: ReturnType<typeof decodeContactsCursor> = cursor === null ? null : decodeContactsCursor(cursor);
      const page = await listContacts(source, { cursor: decoded, limit: 30 });
      seen.push(...page.items.map((contact) => contact.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 50);
    const expected = Array.from({ length: 250 }, (_, index) => index + 1).filter((id) => id % 3 !== 0);
    expect(seen).toEqual(expected);
  });

  it('answers an empty last page with a null cursor', async () => {
    const { source } = fakeSource(2);
    expect(await listContacts(source, { cursor: null, limit: 50 })).toMatchObject({ nextCursor: null });
  });
});

describe('contacts cursor', () => {
  it('round-trips and rejects garbage', () => {
    expect(decodeContactsCursor(encodeContactsCursor({ page: 'abc', skip: 3 }))).toEqual({ page: 'abc', skip: 3 });
    expect(decodeContactsCursor(encodeContactsCursor({ page: null, skip: 0 }))).toEqual({ page: null, skip: 0 });
    expect(decodeContactsCursor('not-base64-json')).toBeNull();
    expect(decodeContactsCursor(Buffer.from('[1,-1]').toString('base64url'))).toBeNull();
  });
});
