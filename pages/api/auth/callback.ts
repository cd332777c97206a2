import type { NextApiResponse } from 'next';
import { z } from 'zod';
import { PipedriveError } from '@/adapters/pipedrive/pipedrive-error';
import { toRegionCode } from '@/domain/phone';
import { userRoom } from '@/adapters/realtime/socket-events';
import { HttpError } from '@/server/http/http-error';
import { apiRoute } from '@/server/http/api-route';
import { secretsEqual } from '@/server/http/constant-time';
import { escapeHtml, sendHtmlPage } from '@/server/http/html-page';
import { parseInput } from '@/server/http/parse';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

const callbackQuerySchema = z.object({
  code: z.string().min(1).max(2048).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(200).optional(),
});

const uninstallSchema = z.object({
  client_id: z.string().min(1),
  company_id: z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]),
  user_id: z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]),
  timestamp: z.union([z.string(), z.number()]),
});

function refuse(res: NextApiResponse, title: string, message: string, status = 400): void {
  sendHtmlPage(res, status, { title, body: `<p>${escapeHtml(message)}</p><p><a href="/api/auth/login">Start the installation again</a></p>` });
}

export default apiRoute(
  {
    /** Pipedrive sends the user back here with `code` (or `error=user_denied`) after the consent page. */
    GET: async ({ req, res, ctx }) => {
      res.setHeader('Set-Cookie', ctx.sessions.clearOAuthStateCookie());
      const parsed = callbackQuerySchema.safeParse(req.query);
      if (!parsed.success) return refuse(res, 'Installation failed', 'The link from Pipedrive was malformed.');
      const query = parsed.data;

      const expected = await ctx.sessions.readOAuthState(req.headers.cookie);
      if (query.state !== undefined) {
        if (expected.state === null || !secretsEqual(query.state, expected.state)) {
          return refuse(res, 'Installation link expired', 'This installation link does not belong to this browser session or has expired.');
        }
      } else if (expected.present) {
        // An install we started must come back with its state; only Marketplace installs arrive without one.
        return refuse(res, 'Installation link expired', 'The installation did not come back with the expected state.');
      }

      if (query.error === 'user_denied') {
        return sendHtmlPage(res, 200, {
          title: 'Installation cancelled',
          body: '<p>You chose not to install the caller app. Nothing was changed.</p><p>You can install it any time from Pipedrive, or <a href="/api/auth/login">start again</a>.</p>',
        });
      }
      if (query.error !== undefined) return refuse(res, 'Installation failed', 'Pipedrive did not authorize the app.');
      if (!query.code) return refuse(res, 'Installation failed', 'The link from Pipedrive had no authorization code.');

      const log = ctx.logger.child({ module: 'oauth' });
      try {
        const grant = await ctx.pipedrive.exchangeCode(query.code);
        const user = await ctx.pipedrive.getUserForGrant(grant);
        await ctx.accounts.install({
          companyId: user.companyId,
          userId: user.id,
          name: user.name,
          email: user.email,
          companyName: user.companyName,
          apiDomain: grant.apiDomain,
          scopes: grant.scopes,
          tokens: { accessToken: grant.accessToken, refreshToken: grant.refreshToken, accessTokenExpiresAt: grant.accessTokenExpiresAt },
        });
        const region = user.companyCountry === null ? undefined : toRegionCode(user.companyCountry);
        if (region !== undefined) {
          await ctx.companySettings.store.adoptCompanyRegion(user.companyId, region, { userId: user.id, at: Date.now() });
        }
        log.info({ companyId: user.companyId, userId: user.id }, 'app installed');
        return sendHtmlPage(res, 200, {
          title: 'The caller app is installed',
          body: `<p>Hello ${escapeHtml(user.name)}, the app is connected to ${escapeHtml(user.companyName)}.</p><p>Return to Pipedrive and open the caller from the app dock.</p><p><a class="button" href="${escapeHtml(grant.apiDomain)}">Return to Pipedrive</a></p>`,
        });
      } catch (error) {
        if (!(error instanceof PipedriveError)) throw error;
        log.warn({ status: error.status, kind: error.kind }, 'installation failed');
        // A code Pipedrive refuses (expired, used, forged) is the link's fault: 400. Pipedrive being down is ours to report: 502.
        const codeRefused = error.code === 'invalid_grant' || error.kind === 'auth' || error.kind === 'validation';
        return refuse(res, 'Installation failed', 'Pipedrive did not accept the authorization. It may have expired; please try again.', codeRefused ? 400 : 502);
      }
    },

    /** Pipedrive's uninstall notice: HTTP Basic with our client credentials, JSON body naming the user. */
    DELETE: async ({ req, ctx }) => {
      const expectedAuthorization = `Basic ${Buffer.from(`${ctx.config.clientId}:${ctx.config.clientSecret}`).toString('base64')}`;
      const authorization = req.headers.authorization ?? '';
      if (!secretsEqual(authorization, expectedAuthorization)) {
        throw new HttpError('UNAUTHORIZED', undefined, { 'WWW-Authenticate': 'Basic realm="pipedrive-uninstall"' });
      }
      const body = parseInput(uninstallSchema, req.body);
      if (body.client_id !== ctx.config.clientId) throw new HttpError('INVALID_REQUEST', 'client_id does not match this app.');
      const key = { companyId: body.company_id, userId: body.user_id };
      const removed = await ctx.accounts.disconnect(key);
      ctx.realtime.io.in(userRoom(key.companyId, key.userId)).emit('session:expired', { reason: 'disconnected' });
      ctx.realtime.io.in(userRoom(key.companyId, key.userId)).disconnectSockets(true);
      ctx.logger.child({ module: 'oauth' }).info({ ...key, removed }, 'app uninstalled by Pipedrive');
      return undefined;
    },
  },
  // Server-to-server from Pipedrive: authenticated by HTTP Basic, not by browser origin.
  { csrf: false, jsonBodyLimitBytes: 8 * 1024, anyContentType: true },
);
