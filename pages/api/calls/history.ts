import { z } from 'zod';
import { getCallHistory } from '@/application/calls';
import { apiRoute } from '@/server/http/api-route';
import { presentCalls, requireAgent } from '@/server/http/calls';
import { parseInput } from '@/server/http/parse';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

const PAGE_SIZE = 50;

/** The cursor is the `createdAt` (epoch ms) of the last call of the previous page. */
const querySchema = z.object({
  cursor: z
    .string()
    .max(20)
    .optional()
    .transform((cursor) => (cursor === '' ? undefined : cursor))
    .pipe(z.string().regex(/^\d{1,16}$/, 'not a valid cursor').transform(Number).optional()),
});

/** The agent's calls, newest first: `{ items, nextCursor }`. */
export default apiRoute({
  GET: async ({ req, ctx }) => {
    const agent = await requireAgent(req, ctx);
    const { cursor } = parseInput(querySchema, req.query);
    const page = await getCallHistory(ctx.calls.deps, {
      companyId: agent.companyId,
      userId: agent.userId,
      limit: PAGE_SIZE,
      ...(cursor === undefined ? {} : { before: cursor }),
    });
    return { items: await presentCalls(ctx, page.calls), nextCursor: page.nextBefore === null ? null : String(page.nextBefore) };
  },
});
