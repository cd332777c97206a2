import type { Contact } from './contact';
import type { ContactsSource } from './contacts-source.port';

export const SEARCH_RESULT_LIMIT = 50;

export type SearchTermResult = { ok: true; term: string; isPhoneNumber: boolean } | { ok: false; message: string };

const PHONE_LIKE = /^\+?[\d\s().\-/]+$/;

/**
 * A usable search term: trimmed, at least 2 characters, or a single digit (Pipedrive accepts one
 * character only with exact matching). Phone-looking terms are searched as digits, since people
 * type numbers with spaces, dashes and parentheses that Pipedrive's stored value may not have.
 */
export function parseSearchTerm(raw: string): SearchTermResult {
  const trimmed = raw.trim();
  const isPhoneNumber = PHONE_LIKE.test(trimmed) && /\d/.test(trimmed);
  const term = isPhoneNumber ? trimmed.replace(/[^\d]/g, '') : trimmed;
  if (term.length >= 2 || (term.length === 1 && /^\d$/.test(term))) return { ok: true, term, isPhoneNumber };
  return { ok: false, message: 'Type at least 2 characters (or one digit) to search.' };
}

/** Searches the whole Pipedrive account by name and phone; only persons with a phone are callable. */
export async function searchContacts(source: ContactsSource, term: { term: string; isPhoneNumber: boolean }): Promise<Contact[]> {
  const hits = await source.searchPersons(term.term, {
    fields: term.isPhoneNumber ? ['phone'] : ['name', 'phone'],
    exactMatch: term.term.length < 2,
    limit: SEARCH_RESULT_LIMIT,
  });
  return hits
    .filter((hit) => hit.phones.length > 0)
    .map((hit) => ({
      id: hit.id,
      name: hit.name,
      phones: hit.phones.map((value, index) => ({ value, label: null, primary: index === 0 })),
      organizationName: hit.organizationName,
      pictureUrl: hit.pictureUrl,
    }));
}
