import { hangUpCall } from '@/application/calls';
import { apiRoute } from '@/server/http/api-route';
import { callIdOf, presentCall, requireAgent, unwrap } from '@/server/http/calls';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/** Ends the agent's call (or cancels an outbound call still ringing). */
export default apiRoute({
  POST: async ({ req, ctx }) => {
    const agent = await requireAgent(req, ctx);
    const ended = unwrap(await hangUpCall(ctx.calls.deps, { companyId: agent.companyId, userId: agent.userId, callId: callIdOf(req) }));
    return presentCall(ctx, ended.call);
  },
});
