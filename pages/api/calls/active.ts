import { readNotesDraft, resumeActiveCall } from '@/application/calls';
import { apiRoute } from '@/server/http/api-route';
import { requireAgent } from '@/server/http/calls';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/**
 * The call a (re)loading window should show: the call the agent holds, else one ringing for them,
 * else their last call still waiting for its wrap-up; `{ call: null }` when idle. With it the notes
 * the agent's windows saved for that call (`notesDraft`) and the server's clock (`serverNow`), so
 * the window's timer counts from the server's answer time whatever its own clock says.
 */
export default apiRoute({
  GET: async ({ req, ctx }) => {
    const agent = await requireAgent(req, ctx);
    const resumed = await resumeActiveCall(ctx.calls.deps, { companyId: agent.companyId, userId: agent.userId });
    const view = resumed.kind === 'idle' ? null : resumed.kind === 'ringing' ? (resumed.calls[0] ?? null) : resumed.call;
    const draft = view === null ? undefined : await readNotesDraft(ctx.calls.deps, { companyId: agent.companyId, userId: agent.userId, call: view });
    return {
      call: view === null ? null : await ctx.calls.present(view),
      notesDraft: draft === undefined ? null : { text: draft.text, updatedAt: draft.updatedAt },
      serverNow: ctx.calls.deps.clock.now(),
    };
  },
});
