import { z } from 'zod';
import { apiErrors } from '../../http/sandbox-api-error';
import { InvalidCursorError } from '../../store/cursor';
import type { InMemoryStore } from '../../store/in-memory-store';
import type { Person } from '../../store/types';
import { COST, type ApiReply, type ApiRequest, type ApiRoute } from '../api-route';
import { paramId, parseOrThrow, queryBool, queryInt, queryLimit, queryObject } from '../validation';

const PERSON_INCLUDE_FIELDS = [
  'next_activity_id', 'last_activity_id', 'open_deals_count', 'related_open_deals_count', 'closed_deals_count',
  'related_closed_deals_count', 'participant_open_deals_count', 'participant_closed_deals_count', 'email_messages_count',
  'activities_count', 'done_activities_count', 'undone_activities_count', 'files_count', 'notes_count', 'followers_count',
  'won_deals_count', 'related_won_deals_count', 'lost_deals_count', 'related_lost_deals_count', 'last_incoming_mail_time',
  'last_outgoing_mail_time', 'marketing_status', 'doi_status', 'smart_bcc_email',
] as const;

const includeFields = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .refine((list) => list.every((f) => (PERSON_INCLUDE_FIELDS as readonly string[]).includes(f)), 'contains an unknown field');

/** Serialises a person as v2 does; a few `include_fields` counts are computed, the rest are accepted and omitted. */
export function serializePerson(person: Person, store: InMemoryStore, include: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = { ...person };
  if (include.length) {
    const deals = store.listDeals({ personId: person.id, status: ['open', 'won', 'lost'] });
    const count = (status: string) => deals.filter((d) => d.status === status).length;
    const activities = include.some((f) => f.endsWith('activities_count')) ? store.listActivities({ personId: person.id }) : [];
    const computed: Record<string, number> = {
      open_deals_count: count('open'), closed_deals_count: count('won') + count('lost'), won_deals_count: count('won'),
      lost_deals_count: count('lost'), activities_count: activities.length,
      done_activities_count: activities.filter((a) => a.done).length, undone_activities_count: activities.filter((a) => !a.done).length,
      notes_count: store.listNotes({ personId: person.id }).length,
    };
    for (const field of include) if (field in computed) out[field] = computed[field];
  }
  return out;
}

const listQuery = z.object({
  filter_id: queryInt.optional(), ids: z.string().optional(), owner_id: queryInt.optional(), org_id: queryInt.optional(),
  deal_id: queryInt.optional(), updated_since: z.string().optional(), updated_until: z.string().optional(),
  sort_by: z.enum(['id', 'update_time', 'add_time']).optional(), sort_direction: z.enum(['asc', 'desc']).optional(),
  include_fields: includeFields.optional(), custom_fields: z.string().optional(), include_option_labels: queryBool.optional(),
  include_labels: queryBool.optional(), limit: queryLimit.optional(), cursor: z.string().min(1).optional(),
});

export function parseIds(raw: string | undefined): number[] | undefined {
  if (raw === undefined) return undefined;
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.length > 100 || parts.some((p) => !/^\d+$/.test(p))) {
    throw apiErrors.badRequest('Validation failed: ids: must be a comma-separated list of at most 100 ids');
  }
  return parts.map(Number);
}

function listPersons(req: ApiRequest): ApiReply {
  const q = parseOrThrow(listQuery, queryObject(req.query, Object.keys(listQuery.shape)));
  if (q.filter_id !== undefined) throw apiErrors.badRequest('Filter not found');
  if (q.deal_id !== undefined && !req.store.getDeal(q.deal_id)) throw apiErrors.notFound('Deal');
  let ids = parseIds(q.ids);
  if (q.deal_id !== undefined) {
    const personId = req.store.getDeal(q.deal_id)?.person_id;
    ids = (ids ?? [personId ?? -1]).filter((id) => id === personId);
  }
  try {
    const page = req.store.listPersons({
      cursor: q.cursor, limit: q.limit, ids, orgId: q.org_id, ownerId: q.owner_id, sortBy: q.sort_by, sortDirection: q.sort_direction,
    });
    return {
      data: page.items.map((p) => serializePerson(p, req.store, q.include_fields)),
      additional_data: { next_cursor: page.nextCursor },
    };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw apiErrors.badRequest(`Validation failed: cursor: ${error.message}`);
    throw error;
  }
}

const getQuery = z.object({
  include_fields: includeFields.optional(), custom_fields: z.string().optional(),
  include_option_labels: queryBool.optional(), include_labels: queryBool.optional(),
});

function getPerson(req: ApiRequest): ApiReply {
  const q = parseOrThrow(getQuery, queryObject(req.query, Object.keys(getQuery.shape)));
  const person = req.store.getPerson(paramId(req.params.id));
  if (!person) throw apiErrors.notFound('Person');
  return { data: serializePerson(person, req.store, q.include_fields) };
}

function getPersonPicture(req: ApiRequest): ApiReply {
  const person = req.store.getPerson(paramId(req.params.id));
  if (!person) throw apiErrors.notFound('Person');
  const picture = req.store.getPersonPicture(person.id);
  if (!picture) throw apiErrors.notFound('Picture');
  return { data: picture };
}

const contactValue = z.strictObject({
  value: z.string(),
  primary: z.boolean().optional(),
  label: z.string().optional(),
});

/** v2 is strict about types: `"1"` is not a number and `1` is not a boolean. */
const addPersonBody = z.strictObject({
  name: z.string().trim().min(1, 'is required'),
  owner_id: z.number().int().positive().optional(),
  org_id: z.number().int().positive().nullable().optional(),
  add_time: z.string().optional(),
  emails: z.array(contactValue).optional(),
  phones: z.array(contactValue).optional(),
  visible_to: z.union([z.literal(1), z.literal(3), z.literal(5), z.literal(7)]).optional(),
  label_ids: z.array(z.number().int()).optional(),
  marketing_status: z.enum(['no_consent', 'unsubscribed', 'subscribed', 'archived']).optional(),
  custom_fields: z.record(z.string(), z.unknown()).optional(),
});

function addPerson(req: ApiRequest): ApiReply {
  const input = parseOrThrow(addPersonBody, req.body ?? {});
  if (input.owner_id !== undefined && !req.store.getUser(input.owner_id)) throw apiErrors.badRequest('User not found');
  if (input.org_id != null && !req.store.getOrganization(input.org_id)) throw apiErrors.badRequest('Organization not found');
  const { add_time: _addTime, marketing_status: _marketing, ...rest } = input;
  const person = req.store.addPerson(
    {
      ...rest,
      phones: rest.phones?.map((p) => ({ value: p.value, primary: p.primary ?? false, label: p.label ?? 'work' })),
      emails: rest.emails?.map((e) => ({ value: e.value, primary: e.primary ?? false, label: e.label ?? 'work' })),
    },
    req.grant.userId,
  );
  return { data: serializePerson(person, req.store) };
}

const READ = ['contacts:read', 'contacts:full'] as const;

export const personRoutes: ApiRoute[] = [
  { method: 'GET', pattern: '/api/v2/persons', scopes: READ, cost: COST.v2List, handler: listPersons },
  { method: 'POST', pattern: '/api/v2/persons', scopes: ['contacts:full'], cost: COST.v2Write, handler: addPerson },
  { method: 'GET', pattern: '/api/v2/persons/:id', scopes: READ, cost: COST.v2GetOne, handler: getPerson },
  { method: 'GET', pattern: '/api/v2/persons/:id/picture', scopes: READ, cost: COST.v2GetOne, handler: getPersonPicture },
];
