import type { Contact, ContactPage } from './contact';
import type { ContactsSource, SourcePerson } from './contacts-source.port';

/** Pipedrive page size used while walking; fixed so a cursor always points into the same page. */
export const PIPEDRIVE_PAGE_SIZE = 100;
/** Pipedrive pages one request may walk through before answering with what it found. */
const MAX_PAGES_PER_REQUEST = 10;

interface CursorPosition {
  /** Pipedrive's cursor of the page to read (null = first page). */
  page: string | null;
  /** How many callable persons of that page were already handed out. */
  skip: number;
}

/** Our cursor is opaque to the UI: Pipedrive's page cursor plus an offset inside that page. */
export function encodeContactsCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.page, position.skip]), 'utf8').toString('base64url');
}

export function decodeContactsCursor(cursor: string): CursorPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [page, skip] = value as unknown[];
    if ((page !== null && typeof page !== 'string') || typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0) return null;
    return { page, skip };
  } catch {
    return null;
  }
}

/**
 * One page of callable contacts: persons with at least one phone number. Pipedrive cannot filter
 * by "has a phone", so this walks Pipedrive's pages server-side until the page is full.
 */
export async function listContacts(source: ContactsSource, request: { cursor: CursorPosition | null; limit: number }): Promise<ContactPage> {
  const found: { person: SourcePerson }[] = [];
  let position: CursorPosition = request.cursor ?? { page: null, skip: 0 };
  let nextCursor: string | null = null;

  for (let pagesRead = 0; pagesRead < MAX_PAGES_PER_REQUEST; pagesRead += 1) {
    const page = await source.listPersons({ cursor: position.page, limit: PIPEDRIVE_PAGE_SIZE });
    const callable = page.items.filter((person) => person.phones.length > 0).slice(position.skip);
    const wanted = request.limit - found.length;
    found.push(...callable.slice(0, wanted).map((person) => ({ person })));
    if (callable.length > wanted) {
      nextCursor = encodeContactsCursor({ page: position.page, skip: position.skip + wanted });
      break;
    }
    if (page.nextCursor === null) {
      nextCursor = null;
      break;
    }
    position = { page: page.nextCursor, skip: 0 };
    nextCursor = encodeContactsCursor(position);
    if (found.length === request.limit) break;
  }

  const organizationIds = found.map(({ person }) => person.orgId).filter((id): id is number => id !== null);
  const organizationNames = await source.getOrganizationNames(organizationIds);
  const items: Contact[] = found.map(({ person }) => ({
    id: person.id,
    name: person.name,
    phones: person.phones,
    organizationName: person.orgId === null ? null : (organizationNames.get(person.orgId) ?? null),
    pictureUrl: null,
  }));
  return { items, nextCursor };
}
