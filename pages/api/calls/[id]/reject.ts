import { rejectCall } from '@/application/calls';
import { apiRoute } from '@/server/http/api-route';
import { callIdOf, presentCall, requireAgent, unwrap } from '@/server/http/calls';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/** Declines a ringing call for this agent (it keeps ringing for the others, if any). */
export default apiRoute({
  POST: async ({ req, ctx }) => {
    const agent = await requireAgent(req, ctx);
    const rejected = unwrap(await rejectCall(ctx.calls.deps, { companyId: agent.companyId, userId: agent.userId, callId: callIdOf(req) }));
    return presentCall(ctx, rejected.call);
  },
});
