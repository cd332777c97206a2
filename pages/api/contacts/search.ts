import { z } from 'zod';
import { parseSearchTerm, searchContacts } from '@/application/contacts/search-contacts';
import { contactsSourceFor } from '@/server/contacts-source';
import { HttpError } from '@/server/http/http-error';
import { apiRoute } from '@/server/http/api-route';
import { requireIdentity } from '@/server/http/identity';
import { parseInput } from '@/server/http/parse';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

const querySchema = z.object({ term: z.string().max(200) });

/** Searches the whole Pipedrive account by name or phone: `{ items }`, only persons with a phone. */
export default apiRoute({
  GET: async ({ req, ctx }) => {
    const identity = await requireIdentity(req, ctx);
    const term = parseSearchTerm(parseInput(querySchema, req.query).term);
    if (!term.ok) throw new HttpError('SEARCH_TERM_TOO_SHORT', term.message);
    return { items: await searchContacts(contactsSourceFor(ctx.pipedrive, identity), term) };
  },
});
