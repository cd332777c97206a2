import { apiRoute } from '@/server/http/api-route';
import { requireIdentity } from '@/server/http/identity';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/** The signed-in agent and their company, as stored at install time. */
export default apiRoute({
  GET: async ({ req, ctx }) => {
    const { account } = await requireIdentity(req, ctx);
    return {
      user: { id: account.userId, name: account.name, email: account.email },
      company: { id: account.companyId, name: account.companyName },
    };
  },
});
