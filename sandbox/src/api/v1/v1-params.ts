import { z } from 'zod';
import { apiErrors } from '../../http/sandbox-api-error';

/** v1 accepts ids as JSON numbers or numeric strings (form bodies have only strings). */
export const v1Id = z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]);
export const v1Flag = z.union([z.boolean(), z.literal(0), z.literal(1), z.enum(['0', '1'])]).transform((v) => v === true || v === 1 || v === '1');
export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a valid GUID');

export interface V1Page {
  start: number;
  limit: number;
}

/** `start`/`limit` pagination of v1 lists. */
export function readV1Page(query: URLSearchParams, maxLimit: number, defaultLimit = 100): V1Page {
  const parse = (name: string, fallback: number): number => {
    const raw = query.get(name);
    if (raw === null || raw === '') return fallback;
    if (!/^\d+$/.test(raw)) throw apiErrors.badRequest(`"${name}" must be a number`);
    return Number(raw);
  };
  const start = parse('start', 0);
  const limit = parse('limit', defaultLimit);
  if (limit < 1 || limit > maxLimit) throw apiErrors.badRequest(`"limit" must be less than or equal to ${maxLimit}`);
  return { start, limit };
}

export function v1Pagination<T>(items: readonly T[], page: V1Page): { items: T[]; additional_data: unknown } {
  const slice = items.slice(page.start, page.start + page.limit);
  const more = page.start + page.limit < items.length;
  return {
    items: slice,
    additional_data: {
      pagination: { start: page.start, limit: page.limit, more_items_in_collection: more, ...(more ? { next_start: page.start + page.limit } : {}) },
    },
  };
}

export function optionalQueryId(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw apiErrors.badRequest(`"${name}" must be a number`);
  return Number(raw);
}
