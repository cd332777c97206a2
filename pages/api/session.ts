import { HttpError } from '@/server/http/http-error';
import { apiRoute } from '@/server/http/api-route';
import { PIPEDRIVE_TOKEN_HEADER } from '@/server/http/identity';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/**
 * Renews the session cookie from a fresh signed Pipedrive token (SDK GET_SIGNED_TOKEN) in the
 * `X-Pipedrive-Token` header. 204 with the cookie; the cookie lives as long as the access token.
 */
export default apiRoute({
  POST: async ({ req, res, ctx }) => {
    const token = req.headers[PIPEDRIVE_TOKEN_HEADER];
    if (typeof token !== 'string' || token === '') throw new HttpError('TOKEN_REQUIRED');
    const verified = await ctx.verifyIframeToken(token);
    if (!verified.ok) {
      throw verified.reason === 'expired'
        ? new HttpError('TOKEN_EXPIRED')
        : new HttpError('TOKEN_INVALID');
    }
    const key = { companyId: verified.identity.companyId, userId: verified.identity.userId };
    const account = await ctx.accounts.find(key);
    if (!account) throw new HttpError('ACCOUNT_NOT_INSTALLED');
    if (account.status !== 'connected') throw new HttpError('ACCOUNT_DISCONNECTED');
    const access = await ctx.pipedrive.getAccess(key);
    res.setHeader('Set-Cookie', await ctx.sessions.createSessionCookie(key, access.accessTokenExpiresAt));
    return undefined;
  },
});
