import { toCallView } from '@/application/calls';
import { HttpError } from '@/server/http/http-error';
import { apiRoute } from '@/server/http/api-route';
import { callError, callIdOf, presentCall, requireAgent } from '@/server/http/calls';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/** Tries the wrap-up's failed Pipedrive writes again: 202 `{ call }`. */
export default apiRoute({
  POST: async ({ req, res, ctx }) => {
    const agent = await requireAgent(req, ctx);
    const callId = callIdOf(req);
    const { deps } = ctx.calls;
    const stored = await deps.calls.get(agent.companyId, callId);
    if (stored === undefined) throw callError({ code: 'CALL_NOT_FOUND' });
    if (stored.call.agentUserId !== agent.userId) throw callError({ code: 'CALL_NOT_YOURS' });
    if (!stored.isCallLogged && stored.call.state !== 'wrapped_up') {
      throw new HttpError('WRAP_UP_NOT_SUBMITTED');
    }
    await ctx.calls.retryWrapUp(callId);
    const settings = await deps.settings.get(agent.companyId);
    res.status(202).json(await presentCall(ctx, toCallView(stored, { gracePeriodMs: settings.wrapUpGracePeriodMs })));
  },
});
