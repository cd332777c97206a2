import { listMissedCalls } from '@/application/calls';
import { apiRoute } from '@/server/http/api-route';
import { presentCalls, requireAgent } from '@/server/http/calls';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/** The agent's missed calls, newest first, and the badge count: `{ items, unseenCount }`. */
export default apiRoute({
  GET: async ({ req, ctx }) => {
    const agent = await requireAgent(req, ctx);
    const page = await listMissedCalls(ctx.calls.deps, { companyId: agent.companyId, userId: agent.userId });
    return { items: await presentCalls(ctx, page.calls), unseenCount: page.unseenCount };
  },
});
