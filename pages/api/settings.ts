import { apiRoute } from '@/server/http/api-route';
import { applySettingsChange, canEditSettings, presentSettings, requireCompanyAdmin, settingsBodySchema } from '@/server/http/company-settings';
import { requireIdentity } from '@/server/http/identity';
import { parseInput } from '@/server/http/parse';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/** The company's call settings: anyone of the company reads them, its Pipedrive admins change them. */
export default apiRoute(
  {
    GET: async ({ req, ctx }) => {
      const identity = await requireIdentity(req, ctx);
      const [record, canEdit] = await Promise.all([ctx.companySettings.store.read(identity.companyId), canEditSettings(identity, ctx)]);
      return presentSettings(record, canEdit);
    },
    PUT: async ({ req, ctx }) => {
      const identity = await requireIdentity(req, ctx);
      await requireCompanyAdmin(identity, ctx);
      const change = parseInput(settingsBodySchema, req.body);
      const current = await ctx.companySettings.store.read(identity.companyId);
      const values = applySettingsChange(current.values, change);
      const record = await ctx.companySettings.store.save(identity.companyId, values, { userId: identity.userId, at: Date.now() });
      ctx.logger
        .child({ module: 'settings' })
        .info({ companyId: identity.companyId, userId: identity.userId, telephonyProvider: values.telephonyProvider }, 'company call settings saved');
      return presentSettings(record, true);
    },
  },
  { jsonBodyLimitBytes: 4 * 1024 },
);
