import type { z } from 'zod';
import { HttpError } from './http-error';

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/** Parses a query or body with zod; a mismatch is the client's fault: 400 INVALID_REQUEST. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new HttpError('INVALID_REQUEST', describe(parsed.error));
  return parsed.data;
}
