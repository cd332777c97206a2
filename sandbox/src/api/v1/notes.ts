import { z } from 'zod';
import { apiErrors } from '../../http/sandbox-api-error';
import type { Note } from '../../store/types';
import type { InMemoryStore } from '../../store/in-memory-store';
import { COST, type ApiReply, type ApiRequest, type ApiRoute } from '../api-route';
import { v1Time } from '../time-format';
import { parseOrThrow } from '../validation';
import { optionalQueryId, readV1Page, uuid, v1Flag, v1Id, v1Pagination } from './v1-params';
import { sanitizeNoteHtml } from './sanitize-html';

const MAX_CONTENT_BYTES = 100_000;

const addNoteSchema = z.object({
  content: z.string().min(1, 'is not allowed to be empty'),
  deal_id: v1Id.optional(),
  person_id: v1Id.optional(),
  org_id: v1Id.optional(),
  lead_id: uuid.optional(),
  project_id: v1Id.optional(),
  task_id: v1Id.optional(),
  user_id: v1Id.optional(),
  add_time: z.string().optional(),
  pinned_to_deal_flag: v1Flag.optional(),
  pinned_to_person_flag: v1Flag.optional(),
  pinned_to_organization_flag: v1Flag.optional(),
  pinned_to_lead_flag: v1Flag.optional(),
});

export function serializeNote(note: Note, store: InMemoryStore, currentUserId: number): Record<string, unknown> {
  const deal = note.deal_id ? store.getDeal(note.deal_id) : undefined;
  const person = note.person_id ? store.getPerson(note.person_id) : undefined;
  const org = note.org_id ? store.getOrganization(note.org_id) : undefined;
  const user = store.getUser(note.user_id);
  return {
    id: note.id, user_id: note.user_id, deal_id: note.deal_id, person_id: note.person_id, org_id: note.org_id,
    lead_id: note.lead_id, project_id: null, task_id: null, content: note.content, add_time: v1Time(note.add_time),
    update_time: v1Time(note.update_time), active_flag: note.active_flag, pinned_to_deal_flag: note.pinned_to_deal_flag,
    pinned_to_person_flag: note.pinned_to_person_flag, pinned_to_organization_flag: note.pinned_to_organization_flag,
    pinned_to_lead_flag: note.pinned_to_lead_flag, last_update_user_id: null,
    deal: deal ? { title: deal.title } : null,
    person: person ? { name: person.name } : null,
    organization: org ? { name: org.name } : null,
    user: user ? { email: user.email, name: user.name, icon_url: user.icon_url, is_you: user.id === currentUserId } : null,
  };
}

function addNote(req: ApiRequest): ApiReply {
  const input = parseOrThrow(addNoteSchema, req.body ?? {}, 'v1');
  if (Buffer.byteLength(input.content) > MAX_CONTENT_BYTES) throw apiErrors.badRequest('"content" is too long (maximum is 100 KB)');
  if (input.project_id !== undefined || input.task_id !== undefined) {
    throw apiErrors.badRequest('Projects and tasks are not available in this company');
  }
  if (input.deal_id === undefined && input.person_id === undefined && input.org_id === undefined && input.lead_id === undefined) {
    throw apiErrors.badRequest('One of "deal_id", "person_id", "org_id", "lead_id", "project_id" or "task_id" is required.');
  }
  const { store } = req;
  if (input.deal_id !== undefined && !store.getDeal(input.deal_id)) throw apiErrors.badRequest('Deal not found');
  if (input.person_id !== undefined && !store.getPerson(input.person_id)) throw apiErrors.badRequest('Person not found');
  if (input.org_id !== undefined && !store.getOrganization(input.org_id)) throw apiErrors.badRequest('Organization not found');
  // The sandbox has no leads, so any lead_id is unknown.
  if (input.lead_id !== undefined) throw apiErrors.badRequest('Lead not found');
  const author = resolveAuthor(req, input.user_id);
  const note = store.addNote({ ...input, content: sanitizeNoteHtml(input.content) }, author);
  return { data: serializeNote(note, store, req.grant.userId) };
}

/** Only admins may write on behalf of another user, as Pipedrive documents. */
export function resolveAuthor(req: ApiRequest, userId: number | undefined): number {
  if (userId === undefined || userId === req.grant.userId) return req.grant.userId;
  const me = req.store.getUser(req.grant.userId);
  if (!me?.is_admin) throw apiErrors.forbidden('You do not have permission to act on behalf of another user');
  if (!req.store.getUser(userId)) throw apiErrors.badRequest('User not found');
  return userId;
}

const SORT_FIELDS = ['id', 'user_id', 'deal_id', 'person_id', 'org_id', 'content', 'add_time', 'update_time'] as const;
type SortField = (typeof SORT_FIELDS)[number];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `sort=field_1 ASC, field_2 DESC` as documented: first-level fields only; ASC by default. */
function readNoteSort(raw: string | null): { field: SortField; direction: 1 | -1 }[] {
  if (raw === null || raw.trim() === '') return [];
  return raw.split(',').map((part) => {
    const [field = '', mode = 'ASC', ...extra] = part.trim().split(/\s+/);
    if (!(SORT_FIELDS as readonly string[]).includes(field) || !/^(asc|desc)$/i.test(mode) || extra.length > 0) {
      throw apiErrors.badRequest(`"sort" must list fields of ${SORT_FIELDS.join(', ')} with ASC or DESC`);
    }
    return { field: field as SortField, direction: mode.toUpperCase() === 'DESC' ? -1 : 1 };
  });
}

function sortNotes(notes: Note[], order: { field: SortField; direction: 1 | -1 }[]): Note[] {
  return [...notes].sort((a, b) => {
    for (const { field, direction } of order) {
      const [x, y] = [a[field] ?? '', b[field] ?? ''];
      if (x < y) return -direction;
      if (x > y) return direction;
    }
    return 0;
  });
}

/** `start_date`/`end_date` (YYYY-MM-DD, on add_time) and `updated_since` (RFC 3339, on update_time). */
function noteTimeFilter(query: URLSearchParams): (note: Note) => boolean {
  const day = (name: string) => {
    const raw = query.get(name);
    if (raw === null || raw === '') return undefined;
    if (!DATE.test(raw) || Number.isNaN(Date.parse(raw))) throw apiErrors.badRequest(`"${name}" must be a date in the format YYYY-MM-DD`);
    return raw;
  };
  const startDate = day('start_date');
  const endDate = day('end_date');
  const updatedRaw = query.get('updated_since');
  const updatedSince = updatedRaw === null || updatedRaw === '' ? undefined : Date.parse(updatedRaw);
  if (updatedSince !== undefined && Number.isNaN(updatedSince)) throw apiErrors.badRequest('"updated_since" must be an RFC 3339 date-time');
  return (note) =>
    (startDate === undefined || note.add_time.slice(0, 10) >= startDate) &&
    (endDate === undefined || note.add_time.slice(0, 10) <= endDate) &&
    (updatedSince === undefined || Date.parse(note.update_time) >= updatedSince);
}

function listNotes(req: ApiRequest): ApiReply {
  const page = readV1Page(req.query, 500);
  const order = readNoteSort(req.query.get('sort'));
  const inTime = noteTimeFilter(req.query);
  const notes = req.store
    .listNotes({
      personId: optionalQueryId(req.query, 'person_id'),
      dealId: optionalQueryId(req.query, 'deal_id'),
      orgId: optionalQueryId(req.query, 'org_id'),
      userId: optionalQueryId(req.query, 'user_id'),
    })
    .filter(inTime);
  const { items, additional_data } = v1Pagination(sortNotes(notes, order), page);
  return { data: items.map((n) => serializeNote(n, req.store, req.grant.userId)), additional_data };
}

function getNote(req: ApiRequest): ApiReply {
  const id = Number(req.params.id);
  const note = Number.isInteger(id) ? req.store.getNote(id) : undefined;
  if (!note) throw apiErrors.notFound('Note');
  return { data: serializeNote(note, req.store, req.grant.userId) };
}

const WRITE = ['deals:full', 'contacts:full'] as const;
const READ = ['deals:read', 'deals:full', 'contacts:read', 'contacts:full'] as const;

export const noteRoutes: ApiRoute[] = [
  { method: 'POST', pattern: '/api/v1/notes', scopes: WRITE, cost: COST.v1Write, handler: addNote },
  { method: 'GET', pattern: '/api/v1/notes', scopes: READ, cost: COST.v1List, handler: listNotes },
  { method: 'GET', pattern: '/api/v1/notes/:id', scopes: READ, cost: COST.v1GetOne, handler: getNote },
];
