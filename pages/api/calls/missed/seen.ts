import { markMissedCallsSeen } from '@/application/calls';
import { apiRoute } from '@/server/http/api-route';
import { requireAgent } from '@/server/http/calls';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/** The agent looked at their missed calls: the badge clears in every tab (`missed:count`). */
export default apiRoute({
  POST: async ({ req, ctx }) => {
    const agent = await requireAgent(req, ctx);
    return markMissedCallsSeen(ctx.calls.deps, { companyId: agent.companyId, userId: agent.userId });
  },
});
