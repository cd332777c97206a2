import { z } from 'zod';
import { MAX_NOTES_DRAFT_LENGTH, saveNotesDraft } from '@/application/calls';
import { apiRoute } from '@/server/http/api-route';
import { callIdOf, requireAgent, unwrap, windowIdOf } from '@/server/http/calls';
import { parseInput } from '@/server/http/parse';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

const bodySchema = z.object({ text: z.string().max(MAX_NOTES_DRAFT_LENGTH) }).strict();

/**
 * The notes the agent is typing for their call, saved (debounced) by the window so a reload, a
 * crash, another tab or the automatic log finds them. The other tabs hear `call:notes-draft`.
 */
export default apiRoute(
  {
    PUT: async ({ req, ctx }) => {
      const agent = await requireAgent(req, ctx);
      const callId = callIdOf(req);
      const tabId = windowIdOf(req);
      const body = parseInput(bodySchema, req.body);
      const saved = unwrap(await saveNotesDraft(ctx.calls.deps, { companyId: agent.companyId, userId: agent.userId, callId, text: body.text, tabId }));
      return { draft: saved.draft };
    },
  },
  // Up to 10 000 characters, each up to 6 bytes once JSON-escaped, and the envelope.
  { jsonBodyLimitBytes: 64 * 1024 },
);
