import { z } from 'zod';
import { placeOutboundCall } from '@/application/calls';
import { apiRoute } from '@/server/http/api-route';
import { presentCall, requireAgent, unwrap, windowIdOf } from '@/server/http/calls';
import { parseInput } from '@/server/http/parse';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

const bodySchema = z.object({
  number: z.string().trim().min(1).max(40),
  personId: z.number().int().positive().optional(),
  dealId: z.number().int().positive().optional(),
  source: z.enum(['contact', 'dial_pad', 'phone_click']),
});

/** Places an outbound call: 201 `{ call }` (ringing; the provider reports progress on the socket). */
export default apiRoute(
  {
    POST: async ({ req, res, ctx }) => {
      const agent = await requireAgent(req, ctx);
      const tabId = windowIdOf(req);
      const body = parseInput(bodySchema, req.body);
      const placed = unwrap(
        await placeOutboundCall(ctx.calls.deps, {
          companyId: agent.companyId,
          agentUserId: agent.userId,
          tabId,
          number: body.number,
          personId: body.personId,
          dealId: body.dealId,
          source: body.source,
        }),
      );
      res.status(201).json(await presentCall(ctx, placed.call));
    },
  },
  { jsonBodyLimitBytes: 2 * 1024 },
);
