import { answerCall } from '@/application/calls';
import { apiRoute } from '@/server/http/api-route';
import { callIdOf, presentCall, requireAgent, unwrap, windowIdOf } from '@/server/http/calls';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/** Answers a ringing call from this tab; 409 CALL_ALREADY_ANSWERED when another agent or tab won. */
export default apiRoute({
  POST: async ({ req, ctx }) => {
    const agent = await requireAgent(req, ctx);
    const answered = unwrap(
      await answerCall(ctx.calls.deps, { companyId: agent.companyId, userId: agent.userId, tabId: windowIdOf(req), callId: callIdOf(req) }),
    );
    return presentCall(ctx, answered.call);
  },
});
