import { z } from 'zod';
import { selectCallContact } from '@/application/calls';
import { apiRoute } from '@/server/http/api-route';
import { callIdOf, presentCall, requireAgent, unwrap } from '@/server/http/calls';
import { parseInput } from '@/server/http/parse';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

const bodySchema = z.object({
  personId: z.number().int().positive(),
  dealId: z.number().int().positive().nullish(),
});

/** The agent picked the person (and deal) the call is about, among several matches. */
export default apiRoute(
  {
    POST: async ({ req, ctx }) => {
      const agent = await requireAgent(req, ctx);
      const callId = callIdOf(req);
      const body = parseInput(bodySchema, req.body);
      const selected = unwrap(
        await selectCallContact(ctx.calls.deps, {
          companyId: agent.companyId,
          userId: agent.userId,
          callId,
          personId: body.personId,
          dealId: body.dealId ?? undefined,
        }),
      );
      return presentCall(ctx, selected.call);
    },
  },
  { jsonBodyLimitBytes: 1024 },
);
