import { accountUseCases } from '@/server/accounts';
import { apiRoute } from '@/server/http/api-route';
import { resolveCaller } from '@/server/http/identity';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/** What `POST /api/auth/disconnect` answers (200): the tokens are gone either way; `revokedAtPipedrive` says whether Pipedrive confirmed. */
export interface DisconnectAnswer {
  disconnected: true;
  revokedAtPipedrive: boolean;
  message: string;
}

/**
 * The user's own "Disconnect": revokes the grant at Pipedrive (which uninstalls the app for this
 * user) and deletes the stored tokens even when the revocation fails; the answer says which.
 * Same-origin only (apiRoute's CSRF check) and authenticated by the session (or a signed token).
 */
export default apiRoute({
  POST: async ({ req, res, ctx }): Promise<DisconnectAnswer> => {
    const key = await resolveCaller(req, ctx);
    const result = await accountUseCases(ctx).disconnect(key);
    res.setHeader('Set-Cookie', ctx.sessions.clearSessionCookie());
    if (result.revoked) {
      return { disconnected: true, revokedAtPipedrive: true, message: 'Disconnected. Pipedrive revoked the app’s access and its tokens were deleted.' };
    }
    if (result.reason === 'no_tokens') {
      return { disconnected: true, revokedAtPipedrive: false, message: 'The account was already disconnected; no tokens were stored.' };
    }
    return {
      disconnected: true,
      revokedAtPipedrive: false,
      message:
        'The app’s tokens were deleted, but Pipedrive did not confirm the revocation. To be sure, remove the app in Pipedrive (Tools and apps → Marketplace apps).',
    };
  },
});
