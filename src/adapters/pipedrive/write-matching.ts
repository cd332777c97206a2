import type { ActivityPayload, CallLogPayload, NotePayload, PersonPayload } from '@/domain/wrap-up';

/**
 * Does a record read back from Pipedrive look like the one a write created? Pure rules, one per
 * write kind (docs/WRAP-UP-DELIVERY.md, "Matching rules"). `since` is the start of the time
 * window: records added before it cannot be ours.
 */

type Item = Record<string, unknown>;

const digitsOf = (value: unknown): string => (typeof value === 'string' ? value.replace(/\D/g, '') : '');

const numberOf = (value: unknown): number | undefined => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
};

/** v1 answers `YYYY-MM-DD HH:MM:SS` (UTC) or ISO 8601; v2 RFC 3339. NaN when unreadable. */
export function pipedriveTimeMs(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  const v1 = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(value.trim());
  return v1 ? Date.parse(`${v1[1]}T${v1[2]}Z`) : Date.parse(value);
}

/** Added inside the window; a record without a readable add time does not count as ours. */
export function isAddedSince(item: Item, since: number): boolean {
  const added = pipedriveTimeMs(item.add_time);
  return !Number.isNaN(added) && added >= since;
}

/** Same id, or both absent; an id we sent must come back the same. */
function sameLink(sent: number | undefined, found: unknown): boolean {
  return sent === undefined || numberOf(found) === sent;
}

/** Text of Pipedrive HTML as a person reads it: tags dropped, entities decoded, spaces collapsed. */
export function noteText(html: unknown): string {
  if (typeof html !== 'string') return '';
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A call log is identified by its call: the same start and end second, numbers and outcome (and
 * the person/deal/organization it was linked to). Two calls never share a start second on one user's line.
 */
export function matchesCallLog(item: Item, sent: CallLogPayload): boolean {
  return (
    pipedriveTimeMs(item.start_time) === pipedriveTimeMs(sent.start_time) &&
    pipedriveTimeMs(item.end_time) === pipedriveTimeMs(sent.end_time) &&
    item.outcome === sent.outcome &&
    digitsOf(item.to_phone_number) === digitsOf(sent.to_phone_number) &&
    (sent.from_phone_number === undefined || digitsOf(item.from_phone_number) === digitsOf(sent.from_phone_number)) &&
    sameLink(sent.person_id, item.person_id) &&
    sameLink(sent.org_id, item.org_id) &&
    sameLink(sent.deal_id, item.deal_id)
  );
}

/** A note: same person/deal/organization, same text, added inside the window. */
export function matchesNote(item: Item, sent: NotePayload, since: number): boolean {
  return (
    isAddedSince(item, since) &&
    sameLink(sent.person_id, item.person_id) &&
    sameLink(sent.org_id, item.org_id) &&
    sameLink(sent.deal_id, item.deal_id) &&
    item.active_flag !== false &&
    noteText(item.content) === noteText(sent.content)
  );
}

/** A new contact: same name (any case) and one of its phones the number we gave, added inside the window. */
export function matchesPerson(item: Item, sent: PersonPayload, since: number): boolean {
  if (!isAddedSince(item, since) || item.is_deleted === true) return false;
  const name = typeof item.name === 'string' ? item.name.trim().toLowerCase() : '';
  if (name !== sent.name.trim().toLowerCase()) return false;
  const phones = Array.isArray(item.phones) ? (item.phones as unknown[]) : [];
  const found = new Set(phones.map((phone) => digitsOf(typeof phone === 'object' && phone !== null ? (phone as Item).value : phone)));
  return sent.phones.some((phone) => digitsOf(phone.value) !== '' && found.has(digitsOf(phone.value)));
}

/** A call-back activity: same subject, type, due date, assignee and links, added inside the window. */
export function matchesActivity(item: Item, sent: ActivityPayload, since: number): boolean {
  return (
    isAddedSince(item, since) &&
    item.is_deleted !== true &&
    item.subject === sent.subject &&
    item.type === sent.type &&
    item.due_date === sent.due_date &&
    sameLink(sent.user_id, item.owner_id) &&
    sameLink(sent.person_id, item.person_id) &&
    sameLink(sent.org_id, item.org_id) &&
    sameLink(sent.deal_id, item.deal_id)
  );
}
