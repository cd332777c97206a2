import type { NextApiResponse } from 'next';
import { z } from 'zod';
import { accountUseCases } from '@/server/accounts';
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

      const installed = await accountUseCases(ctx).install(query.code);
      if (!installed.ok) {
        // A code Pipedrive refuses (expired, used, forged) is the link's fault: 400. Pipedrive being down is ours to report: 502.
        return refuse(res, 'Installation failed', 'Pipedrive did not accept the authorization. It may have expired; please try again.', installed.reason === 'code_refused' ? 400 : 502);
      }
      return sendHtmlPage(res, 200, {
        title: 'The caller app is installed',
        body: `<p>Hello ${escapeHtml(installed.name)}, the app is connected to ${escapeHtml(installed.companyName)}.</p><p>Return to Pipedrive and open the caller from the app dock.</p><p><a class="button" href="${escapeHtml(installed.apiDomain)}">Return to Pipedrive</a></p>`,
      });
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
      await accountUseCases(ctx).uninstall({ companyId: body.company_id, userId: body.user_id });
      return undefined;
    },
  },
  // Server-to-server from Pipedrive: authenticated by HTTP Basic, not by browser origin.
  { csrf: false, jsonBodyLimitBytes: 8 * 1024, anyContentType: true },
);
