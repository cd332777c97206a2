import { apiRoute } from '@/server/http/api-route';
import { requireIdentity } from '@/server/http/identity';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/** The signed-in agent and their company, as stored at install time, and the company's telephony provider. */
export default apiRoute({
  GET: async ({ req, ctx }) => {
    const { account } = await requireIdentity(req, ctx);
    const { values } = await ctx.companySettings.store.read(account.companyId);
    return {
      user: { id: account.userId, name: account.name, email: account.email },
      // The window shows numbers in this country's style (null: none set).
      company: { id: account.companyId, name: account.companyName, defaultRegion: values.defaultRegion },
      // The window loads its SIP user agent only when this says `sip` (docs/REAL-CALLS.md).
      telephony: { provider: values.telephonyProvider },
    };
  },
});
