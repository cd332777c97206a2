import { z } from 'zod';
import { apiErrors } from '../../http/sandbox-api-error';
import { InvalidCursorError, paginateByOffset } from '../../store/cursor';
import type { SearchField } from '../../store/in-memory-store';
import { COST, type ApiReply, type ApiRequest, type ApiRoute } from '../api-route';
import { parseOrThrow, queryBool, queryInt, queryLimit, queryObject } from '../validation';

const SEARCH_FIELDS = ['custom_fields', 'email', 'notes', 'phone', 'name'] as const;

const searchQuery = z.object({
  term: z.string({ message: 'is required' }),
  fields: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.length > 0 && list.every((f) => (SEARCH_FIELDS as readonly string[]).includes(f)), {
      message: `must be a comma-separated list of ${SEARCH_FIELDS.join(', ')}`,
    })
    .optional(),
  exact_match: queryBool.optional(),
  organization_id: queryInt.optional(),
  include_fields: z.literal('person.picture').optional(),
  limit: queryLimit.optional(),
  cursor: z.string().min(1).optional(),
});

/**
 * `GET /api/v2/persons/search`. Phone numbers match by digits (see store/phone-digits.ts); names and
 * emails match case-insensitively as substrings, or whole values with exact_match.
 */
function searchPersons(req: ApiRequest): ApiReply {
  const q = parseOrThrow(searchQuery, queryObject(req.query, Object.keys(searchQuery.shape)));
  const term = q.term.trim();
  const exactMatch = q.exact_match ?? false;
  if (term.length < (exactMatch ? 1 : 2)) {
    throw apiErrors.badRequest('Validation failed: term: must be at least 2 characters long (1 with exact_match)');
  }
  const fields = (q.fields ?? [...SEARCH_FIELDS]) as SearchField[];
  const hits = req.store.searchPersons(term, { fields, exactMatch, organizationId: q.organization_id });
  let page;
  try {
    page = paginateByOffset(hits, { cursor: q.cursor, limit: q.limit });
  } catch (error) {
    if (error instanceof InvalidCursorError) throw apiErrors.badRequest(`Validation failed: cursor: ${error.message}`);
    throw error;
  }
  const items = page.items.map(({ person, score }) => {
    const org = person.org_id !== null ? req.store.getOrganization(person.org_id) : undefined;
    const item: Record<string, unknown> = {
      id: person.id, type: 'person', name: person.name,
      phones: person.phones.map((p) => p.value), emails: person.emails.map((e) => e.value),
      visible_to: person.visible_to, owner: { id: person.owner_id },
      organization: org ? { id: org.id, name: org.name, address: org.address?.value ?? null } : null,
      custom_fields: [], notes: [],
    };
    if (q.include_fields === 'person.picture') {
      const picture = req.store.getPersonPicture(person.id);
      item.picture = picture ? { id: picture.id, pictures: picture.pictures } : null;
    }
    return { result_score: score, item };
  });
  return { data: { items }, additional_data: { next_cursor: page.nextCursor } };
}

export const personSearchRoutes: ApiRoute[] = [
  {
    method: 'GET', pattern: '/api/v2/persons/search', scopes: ['contacts:read', 'contacts:full', 'search:read'],
    cost: COST.v2Search, isSearch: true, handler: searchPersons,
  },
];
