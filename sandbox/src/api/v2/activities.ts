import { z } from 'zod';
import { apiErrors } from '../../http/sandbox-api-error';
import { InvalidCursorError, paginate } from '../../store/cursor';
import { COST, type ApiReply, type ApiRequest, type ApiRoute } from '../api-route';
import { paramId, parseOrThrow, queryBool, queryInt, queryLimit, queryObject } from '../validation';
import { parseIds } from './persons';

const ACTIVITY_TYPES = ['call', 'meeting', 'task', 'deadline', 'email', 'lunch'] as const;

const addActivityBody = z.strictObject({
  subject: z.string().min(1).optional(),
  type: z.enum(ACTIVITY_TYPES).optional(),
  owner_id: z.number().int().positive().optional(),
  deal_id: z.number().int().positive().optional(),
  lead_id: z.string().optional(),
  person_id: z.number().int().positive().optional(),
  org_id: z.number().int().positive().optional(),
  project_id: z.number().int().positive().optional(),
  due_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').optional(),
  due_time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM').optional(),
  duration: z.string().regex(/^\d{2}:[0-5]\d$/, 'must be HH:MM').optional(),
  busy: z.boolean().optional(),
  done: z.boolean().optional(),
  location: z.unknown().optional(),
  participants: z.array(z.strictObject({ person_id: z.number().int().positive(), primary: z.boolean() })).optional(),
  attendees: z.array(z.unknown()).optional(),
  public_description: z.string().optional(),
  priority: z.number().int().optional(),
  outcome: z.number().int().nullable().optional(),
  note: z.string().optional(),
});

function addActivity(req: ApiRequest): ApiReply {
  const input = parseOrThrow(addActivityBody, req.body ?? {});
  const { store } = req;
  if (input.deal_id !== undefined && !store.getDeal(input.deal_id)) throw apiErrors.badRequest('Deal not found');
  if (input.person_id !== undefined && !store.getPerson(input.person_id)) throw apiErrors.badRequest('Person not found');
  if (input.org_id !== undefined && !store.getOrganization(input.org_id)) throw apiErrors.badRequest('Organization not found');
  if (input.owner_id !== undefined && !store.getUser(input.owner_id)) throw apiErrors.badRequest('User not found');
  for (const p of input.participants ?? []) if (!store.getPerson(p.person_id)) throw apiErrors.badRequest('Person not found');
  if (input.lead_id !== undefined) throw apiErrors.badRequest('Lead not found');
  if (input.project_id !== undefined) throw apiErrors.badRequest('Project not found');
  const { location: _l, attendees: _a, outcome: _o, project_id: _p, ...rest } = input;
  const activity = store.addActivity({ ...rest, subject: rest.subject ?? defaultSubject(rest.type ?? 'call') }, req.grant.userId);
  return { data: activity };
}

function defaultSubject(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

const listQuery = z.object({
  filter_id: queryInt.optional(), ids: z.string().optional(), owner_id: queryInt.optional(), deal_id: queryInt.optional(),
  lead_id: z.string().optional(), person_id: queryInt.optional(), org_id: queryInt.optional(), done: queryBool.optional(),
  updated_since: z.string().optional(), updated_until: z.string().optional(),
  sort_by: z.enum(['id', 'update_time', 'add_time', 'due_date']).optional(), sort_direction: z.enum(['asc', 'desc']).optional(),
  include_fields: z.literal('attendees').optional(), limit: queryLimit.optional(), cursor: z.string().min(1).optional(),
});

/** `updated_since` / `updated_until`: RFC 3339 date-times, as v2 documents them. */
function readRfc3339(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw apiErrors.badRequest(`Validation failed: ${name}: must be an RFC 3339 date-time, e.g. 2025-01-01T10:20:00Z`);
  return ms;
}

function listActivities(req: ApiRequest): ApiReply {
  const q = parseOrThrow(listQuery, queryObject(req.query, Object.keys(listQuery.shape)));
  if (q.filter_id !== undefined) throw apiErrors.badRequest('Filter not found');
  let activities = req.store.listActivities({ personId: q.person_id, dealId: q.deal_id, ownerId: q.owner_id, done: q.done });
  if (q.org_id !== undefined) activities = activities.filter((a) => a.org_id === q.org_id);
  if (q.lead_id !== undefined) activities = activities.filter((a) => a.lead_id === q.lead_id);
  const ids = parseIds(q.ids);
  if (ids) activities = activities.filter((a) => ids.includes(a.id));
  const since = readRfc3339(q.updated_since, 'updated_since');
  const until = readRfc3339(q.updated_until, 'updated_until');
  if (since !== undefined) activities = activities.filter((a) => Date.parse(a.update_time) >= since);
  if (until !== undefined) activities = activities.filter((a) => Date.parse(a.update_time) < until);
  const sortBy = q.sort_by ?? 'id';
  try {
    const page = paginate(activities, { cursor: q.cursor, limit: q.limit, sortBy, sortDirection: q.sort_direction }, (a) =>
      sortBy === 'id' ? a.id : (a[sortBy] ?? ''),
    );
    return { data: page.items, additional_data: { next_cursor: page.nextCursor } };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw apiErrors.badRequest(`Validation failed: cursor: ${error.message}`);
    throw error;
  }
}

function getActivity(req: ApiRequest): ApiReply {
  queryObject(req.query, ['include_fields']);
  const activity = req.store.getActivity(paramId(req.params.id));
  if (!activity) throw apiErrors.notFound('Activity');
  return { data: activity };
}

export const activityRoutes: ApiRoute[] = [
  { method: 'POST', pattern: '/api/v2/activities', scopes: ['activities:full'], cost: COST.v2Write, handler: addActivity },
  { method: 'GET', pattern: '/api/v2/activities', scopes: ['activities:read', 'activities:full'], cost: COST.v2List, handler: listActivities },
  { method: 'GET', pattern: '/api/v2/activities/:id', scopes: ['activities:read', 'activities:full'], cost: COST.v2GetOne, handler: getActivity },
];
