import { apiRoute } from '@/server/http/api-route';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/** Starts the OAuth install: a fresh `state`, bound to this browser by a short-lived sealed cookie. */
export default apiRoute({
  GET: async ({ res, ctx }) => {
    const { state, cookie } = await ctx.sessions.createOAuthState();
    res.setHeader('Set-Cookie', cookie);
    res.redirect(302, ctx.pipedrive.authorizeUrl(state));
  },
});
