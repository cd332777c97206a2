import { z } from 'zod';
import { apiErrors } from '../../http/sandbox-api-error';
import { InvalidCursorError, paginate } from '../../store/cursor';
import { COST, type ApiReply, type ApiRequest, type ApiRoute } from '../api-route';
import { paramId, parseOrThrow, queryInt, queryLimit, queryObject } from '../validation';
import { parseIds } from './persons';

const listQuery = z.object({
  filter_id: queryInt.optional(), ids: z.string().optional(), owner_id: queryInt.optional(),
  updated_since: z.string().optional(), updated_until: z.string().optional(),
  sort_by: z.enum(['id', 'update_time', 'add_time']).optional(), sort_direction: z.enum(['asc', 'desc']).optional(),
  include_fields: z.string().optional(), custom_fields: z.string().optional(), limit: queryLimit.optional(), cursor: z.string().min(1).optional(),
});

/** `GET /api/v2/organizations`: cursor pagination and the `ids` filter (≤ 100), as persons. */
function listOrganizations(req: ApiRequest): ApiReply {
  const q = parseOrThrow(listQuery, queryObject(req.query, Object.keys(listQuery.shape)));
  if (q.filter_id !== undefined) throw apiErrors.badRequest('Filter not found');
  const ids = parseIds(q.ids);
  const matching = req.store
    .listOrganizations()
    .filter((org) => (ids ? ids.includes(org.id) : true) && (q.owner_id === undefined || org.owner_id === q.owner_id));
  try {
    const page = paginate(matching, { cursor: q.cursor, limit: q.limit, sortBy: q.sort_by, sortDirection: q.sort_direction }, (org) =>
      q.sort_by && q.sort_by !== 'id' ? org[q.sort_by] : org.id,
    );
    return { data: page.items, additional_data: { next_cursor: page.nextCursor } };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw apiErrors.badRequest(`Validation failed: cursor: ${error.message}`);
    throw error;
  }
}

function getOrganization(req: ApiRequest): ApiReply {
  queryObject(req.query, ['include_fields', 'custom_fields', 'include_option_labels', 'include_labels']);
  const org = req.store.getOrganization(paramId(req.params.id));
  if (!org) throw apiErrors.notFound('Organization');
  return { data: org };
}

export const organizationRoutes: ApiRoute[] = [
  { method: 'GET', pattern: '/api/v2/organizations', scopes: ['contacts:read', 'contacts:full'], cost: COST.v2List, handler: listOrganizations },
  { method: 'GET', pattern: '/api/v2/organizations/:id', scopes: ['contacts:read', 'contacts:full'], cost: COST.v2GetOne, handler: getOrganization },
];
