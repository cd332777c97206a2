/**
 * Shapes of our own JSON API as the browser sees them, with small hand-written guards: the page's
 * JavaScript budget is tight, so no schema library ships to the browser. Malformed contacts are
 * dropped rather than failing the whole list.
 */
import type { Contact, ContactPhone } from '@/application/contacts/contact';

// One definition of the contact shape, shared with the server that answers with it.
export type { Contact, ContactPhone } from '@/application/contacts/contact';

export interface ContactsPage {
  items: Contact[];
  nextCursor: string | null;
}

export interface ContactSearchResult {
  items: Contact[];
}

export type TelephonyProvider = 'mock' | 'sip' | 'twilio';

export interface Me {
  user: { id: number; name: string; email: string };
  /** defaultRegion: the company's country (ISO 3166 code) for showing numbers; null: none set. */
  company: { id: number; name: string; defaultRegion: string | null };
  /** The company's phone provider: `sip` runs a softphone in this window. */
  telephony: { provider: TelephonyProvider };
}

const PROVIDERS: readonly TelephonyProvider[] = ['mock', 'sip', 'twilio'];

/** A server that predates providers (or sends an unknown one) means the simulated phones. */
function readProvider(value: unknown): TelephonyProvider {
  const provider = isRecord(value) ? value.provider : undefined;
  return PROVIDERS.find((known) => known === provider) ?? 'mock';
}

export class ResponseShapeError extends Error {
  constructor(what: string) {
    super(`Unexpected response from the server (${what})`);
    this.name = 'ResponseShapeError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function parsePhone(value: unknown): ContactPhone | null {
  if (!isRecord(value) || typeof value.value !== 'string' || value.value.trim() === '') return null;
  return { value: value.value, label: optionalString(value.label), primary: value.primary === true };
}

export function parseContact(value: unknown): Contact | null {
  if (!isRecord(value)) return null;
  const { id, name, phones } = value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof name !== 'string') return null;
  const parsedPhones = Array.isArray(phones) ? phones.map(parsePhone).filter((p): p is ContactPhone => p !== null) : [];
  if (parsedPhones.length === 0) return null;
  return {
    id,
    name,
    phones: parsedPhones,
    organizationName: optionalString(value.organizationName),
    pictureUrl: optionalString(value.pictureUrl),
  };
}

function parseContactItems(value: unknown, what: string): Contact[] {
  if (!isRecord(value) || !Array.isArray(value.items)) throw new ResponseShapeError(what);
  return value.items.map(parseContact).filter((c): c is Contact => c !== null);
}

export function parseContactsPage(value: unknown): ContactsPage {
  const items = parseContactItems(value, 'contacts');
  const cursor = (value as Record<string, unknown>).nextCursor;
  return { items, nextCursor: typeof cursor === 'string' && cursor !== '' ? cursor : null };
}

export function parseContactSearchResult(value: unknown): ContactSearchResult {
  return { items: parseContactItems(value, 'contact search') };
}

export function parseMe(value: unknown): Me {
  if (!isRecord(value) || !isRecord(value.user) || !isRecord(value.company)) throw new ResponseShapeError('me');
  const { user, company } = value;
  if (typeof user.id !== 'number' || typeof user.name !== 'string' || typeof company.id !== 'number') {
    throw new ResponseShapeError('me');
  }
  return {
    user: { id: user.id, name: user.name, email: typeof user.email === 'string' ? user.email : '' },
    company: {
      id: company.id,
      name: typeof company.name === 'string' ? company.name : '',
      defaultRegion: typeof company.defaultRegion === 'string' && /^[A-Z]{2}$/.test(company.defaultRegion) ? company.defaultRegion : null,
    },
    telephony: { provider: readProvider(value.telephony) },
  };
}

/** The primary phone, else the first one. */
export function primaryPhone(contact: Contact): ContactPhone | null {
  return contact.phones.find((phone) => phone.primary) ?? contact.phones[0] ?? null;
}
