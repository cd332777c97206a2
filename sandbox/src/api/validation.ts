import { z } from 'zod';
import { apiErrors } from '../http/sandbox-api-error';

/** Turns the first zod issue into a 400 with a readable, field-named message. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, style: 'v1' | 'v2' = 'v2'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || 'body';
  if (style === 'v1') {
    // v1 endpoints answer Joi-style messages such as `"outcome" is required.`
    const required = issue.path.length > 0 && valueAt(value, issue.path) === undefined;
    throw apiErrors.badRequest(required ? `"${field}" is required.` : `"${field}" ${issue.message}`);
  }
  if (issue.code === 'unrecognized_keys') throw apiErrors.badRequest(`Validation failed: ${issue.message}`);
  throw apiErrors.badRequest(`Validation failed: ${field}: ${issue.message}`);
}

/** Query params of v2 endpoints are strict: integers as digits, booleans as true/false (not 1/0). */
export const queryInt = z.string().regex(/^\d+$/, 'must be a positive integer').transform(Number);
export const queryBool = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true');
export const queryLimit = z
  .string()
  .regex(/^\d+$/, 'must be a positive integer')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 500, 'must be between 1 and 500');

/** Reads query params into an object, rejecting names the endpoint does not know. */
export function queryObject(query: URLSearchParams, known: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of query) {
    if (!known.includes(key)) throw apiErrors.badRequest(`Validation failed: unknown query parameter '${key}'`);
    out[key] = value;
  }
  return out;
}

export function paramId(value: string | undefined): number {
  if (!value || !/^\d+$/.test(value)) throw apiErrors.badRequest('Validation failed: id: must be a positive integer');
  return Number(value);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
