import { z } from 'zod';
import { rejectCall } from '@/application/calls';
import { apiRoute } from '@/server/http/api-route';
import { callIdOf, presentCall, requireAgent, unwrap } from '@/server/http/calls';
import { parseInput } from '@/server/http/parse';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/** Optional: the person (and deal) the agent had picked while it rang, kept on a rejected call's log. */
const bodySchema = z
  .object({
    personId: z.number().int().positive().nullish(),
    dealId: z.number().int().positive().nullish(),
  })
  .optional();

/** Declines a ringing call for this agent (it keeps ringing for the others, if any). */
export default apiRoute(
  {
    POST: async ({ req, ctx }) => {
      const agent = await requireAgent(req, ctx);
      const body = parseInput(bodySchema, req.body) ?? {};
      const pick = body.personId == null ? {} : { personId: body.personId, dealId: body.dealId ?? undefined };
      const rejected = unwrap(await rejectCall(ctx.calls.deps, { companyId: agent.companyId, userId: agent.userId, callId: callIdOf(req), ...pick }));
      return presentCall(ctx, rejected.call);
    },
  },
  { jsonBodyLimitBytes: 1024 },
);
