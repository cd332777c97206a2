import { z } from 'zod';
import { submitWrapUp } from '@/application/calls';
import type { WrapUpAction } from '@/application/calls';
import { apiRoute } from '@/server/http/api-route';
import { callIdOf, presentCall, requireAgent, unwrap } from '@/server/http/calls';
import { parseInput } from '@/server/http/parse';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

const actionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hang_up') }),
  z.object({ type: z.literal('notes_to_deal'), dealId: z.number().int().positive() }),
  z.object({ type: z.literal('notes_to_contact'), personId: z.number().int().positive() }),
  z.object({ type: z.literal('create_contact'), name: z.string().max(255) }),
]);

const bodySchema = z.object({
  notes: z.string().max(10_000),
  action: actionSchema,
});

/** The window's action names (`type`) in the domain's words (`kind`). */
function toWrapUpAction(action: z.infer<typeof actionSchema>): WrapUpAction {
  switch (action.type) {
    case 'hang_up':
      return { kind: 'hang_up' };
    case 'notes_to_deal':
      return { kind: 'notes_to_deal', dealId: action.dealId };
    case 'notes_to_contact':
      return { kind: 'notes_to_contact', personId: action.personId };
    case 'create_contact':
      return { kind: 'create_contact', name: action.name };
  }
}

/** Queues the call log (and notes, contact) for Pipedrive: 202 `{ call }`, `call.wrapUp.status` pending. */
export default apiRoute(
  {
    POST: async ({ req, res, ctx }) => {
      const agent = await requireAgent(req, ctx);
      const callId = callIdOf(req);
      const body = parseInput(bodySchema, req.body);
      const submitted = unwrap(
        await submitWrapUp(ctx.calls.deps, {
          companyId: agent.companyId,
          userId: agent.userId,
          wrapUp: { callId, notes: body.notes, action: toWrapUpAction(body.action) },
        }),
      );
      res.status(202).json(await presentCall(ctx, submitted.call));
    },
  },
  { jsonBodyLimitBytes: 64 * 1024 },
);
