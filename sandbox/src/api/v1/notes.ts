import { z } from 'zod';
import { apiErrors } from '../../http/api-error';
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

function listNotes(req: ApiRequest): ApiReply {
  const page = readV1Page(req.query, 500);
  const notes = req.store.listNotes({
    personId: optionalQueryId(req.query, 'person_id'),
    dealId: optionalQueryId(req.query, 'deal_id'),
    orgId: optionalQueryId(req.query, 'org_id'),
    userId: optionalQueryId(req.query, 'user_id'),
  });
  const { items, additional_data } = v1Pagination(notes, page);
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
