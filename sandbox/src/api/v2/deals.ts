import { z } from 'zod';
import { apiErrors } from '../../http/sandbox-api-error';
import { InvalidCursorError, paginate } from '../../store/cursor';
import type { DealStatus } from '../../store/types';
import { COST, type ApiReply, type ApiRequest, type ApiRoute } from '../api-route';
import { paramId, parseOrThrow, queryBool, queryInt, queryLimit, queryObject } from '../validation';
import { parseIds } from './persons';

const STATUSES = ['open', 'won', 'lost', 'deleted'] as const;

const listQuery = z.object({
  filter_id: queryInt.optional(), ids: z.string().optional(), owner_id: queryInt.optional(), person_id: queryInt.optional(),
  org_id: queryInt.optional(), pipeline_id: queryInt.optional(), stage_id: queryInt.optional(),
  status: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()))
    .refine((list) => list.every((s) => (STATUSES as readonly string[]).includes(s)), { message: `must be one of ${STATUSES.join(', ')}` })
    .optional(),
  updated_since: z.string().optional(), updated_until: z.string().optional(),
  sort_by: z.enum(['id', 'update_time', 'add_time']).optional(), sort_direction: z.enum(['asc', 'desc']).optional(),
  include_fields: z.string().optional(), custom_fields: z.string().optional(), include_option_labels: queryBool.optional(),
  include_labels: queryBool.optional(), limit: queryLimit.optional(), cursor: z.string().min(1).optional(),
});

function listDeals(req: ApiRequest): ApiReply {
  const q = parseOrThrow(listQuery, queryObject(req.query, Object.keys(listQuery.shape)));
  if (q.filter_id !== undefined) throw apiErrors.badRequest('Filter not found');
  let deals = req.store.listDeals({
    personId: q.person_id, orgId: q.org_id, ownerId: q.owner_id, status: q.status as DealStatus[] | undefined,
  });
  const ids = parseIds(q.ids);
  if (ids) deals = deals.filter((d) => ids.includes(d.id));
  if (q.pipeline_id !== undefined) deals = deals.filter((d) => d.pipeline_id === q.pipeline_id);
  if (q.stage_id !== undefined) deals = deals.filter((d) => d.stage_id === q.stage_id);
  const sortBy = q.sort_by ?? 'id';
  try {
    const page = paginate(deals, { cursor: q.cursor, limit: q.limit, sortBy, sortDirection: q.sort_direction }, (d) =>
      sortBy === 'id' ? d.id : d[sortBy],
    );
    return { data: page.items, additional_data: { next_cursor: page.nextCursor } };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw apiErrors.badRequest(`Validation failed: cursor: ${error.message}`);
    throw error;
  }
}

function getDeal(req: ApiRequest): ApiReply {
  queryObject(req.query, ['include_fields', 'custom_fields', 'include_option_labels', 'include_labels']);
  const deal = req.store.getDeal(paramId(req.params.id));
  if (!deal) throw apiErrors.notFound('Deal');
  return { data: deal };
}

const READ = ['deals:read', 'deals:full'] as const;

export const dealRoutes: ApiRoute[] = [
  { method: 'GET', pattern: '/api/v2/deals', scopes: READ, cost: COST.v2List, handler: listDeals },
  { method: 'GET', pattern: '/api/v2/deals/:id', scopes: READ, cost: COST.v2GetOne, handler: getDeal },
];
