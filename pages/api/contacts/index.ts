import { z } from 'zod';
import { decodeContactsCursor, listContacts } from '@/application/contacts/list-contacts';
import { contactsSourceFor } from '@/server/contacts-source';
import { HttpError } from '@/server/http/http-error';
import { apiRoute } from '@/server/http/api-route';
import { requireIdentity } from '@/server/http/identity';
import { parseInput } from '@/server/http/parse';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

const querySchema = z.object({
  cursor: z.string().max(2048).optional().transform((cursor) => (cursor === '' ? undefined : cursor)),
  limit: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(100))
    .default(50),
});

/** Callable contacts (persons with a phone), a page at a time: `{ items, nextCursor }`. */
export default apiRoute({
  GET: async ({ req, ctx }) => {
    const identity = await requireIdentity(req, ctx);
    const query = parseInput(querySchema, req.query);
    const cursor = query.cursor === undefined ? null : decodeContactsCursor(query.cursor);
    if (query.cursor !== undefined && cursor === null) throw new HttpError('INVALID_CURSOR');
    return listContacts(contactsSourceFor(ctx.pipedrive, identity), { cursor, limit: query.limit });
  },
});
