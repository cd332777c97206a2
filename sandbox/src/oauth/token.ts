import type { IncomingMessage } from 'node:http';
import { mediaType, parseForm, readBody } from '../http/body';
import { jsonResult, type HttpResult } from '../http/result';
import type { SandboxRuntime } from '../runtime';
import { authenticateClient } from './client-auth';
import type { Grant } from './grant-store';
import { OAUTH_MESSAGES, oauthError } from './oauth-errors';

function tokenResponse(runtime: SandboxRuntime, grant: Grant): HttpResult {
  const ttl = runtime.settings.accessTokenTtlSeconds;
  return jsonResult(
    200,
    {
      access_token: runtime.grants.issueAccessToken(grant, ttl),
      token_type: 'bearer',
      refresh_token: grant.refreshToken,
      scope: grant.scope,
      expires_in: ttl,
      api_domain: runtime.options.baseUrl,
    },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}

/** `POST /oauth/token`: authorization_code and refresh_token grants. */
export async function handleToken(runtime: SandboxRuntime, req: IncomingMessage): Promise<HttpResult> {
  const body = await readBody(req);
  if (mediaType(req) !== 'application/x-www-form-urlencoded') return oauthError('invalid_request', OAUTH_MESSAGES.notForm);
  const form = parseForm(body);
  const client = authenticateClient(req, form, runtime.options.app);
  if (!client.ok) return oauthError('invalid_client', client.message);

  const clientId = runtime.options.app.clientId;
  switch (form.grant_type) {
    case undefined:
    case '':
      return oauthError('invalid_request', OAUTH_MESSAGES.missingGrantType);
    case 'authorization_code': {
      if (!form.redirect_uri) return oauthError('invalid_request', OAUTH_MESSAGES.redirectInvalid);
      const result = runtime.grants.exchangeCode(form.code ?? '', clientId, form.redirect_uri);
      if (!result.ok) {
        if (result.reason === 'expired') return oauthError('invalid_grant', OAUTH_MESSAGES.codeExpired);
        if (result.reason === 'redirect_mismatch') return oauthError('invalid_request', OAUTH_MESSAGES.redirectInvalid);
        return oauthError('invalid_grant', OAUTH_MESSAGES.codeInvalid);
      }
      return tokenResponse(runtime, result.grant);
    }
    case 'refresh_token': {
      const grant = runtime.grants.findRefreshGrant(form.refresh_token ?? '', clientId);
      if (!grant) return oauthError('invalid_grant', OAUTH_MESSAGES.refreshInvalid);
      runtime.grants.useRefreshToken(grant, runtime.settings.rotateRefreshTokens);
      return tokenResponse(runtime, grant);
    }
    default:
      return oauthError('unsupported_grant_type', OAUTH_MESSAGES.unsupportedGrantType);
  }
}

/** `POST /oauth/revoke` (RFC 7009): revoking the refresh token ends the install. */
export async function handleRevoke(runtime: SandboxRuntime, req: IncomingMessage): Promise<HttpResult> {
  const body = await readBody(req);
  if (mediaType(req) !== 'application/x-www-form-urlencoded') return oauthError('invalid_request', OAUTH_MESSAGES.notForm);
  const form = parseForm(body);
  const client = authenticateClient(req, form, runtime.options.app);
  if (!client.ok) return oauthError('invalid_client', client.message);
  if (!form.token) return oauthError('invalid_request', 'Missing parameter: token');
  // Unknown tokens are not an error (RFC 7009 §2.2). No uninstall notice is sent: the vendor asked for it.
  runtime.grants.revokeToken(form.token, runtime.options.app.clientId, form.token_type_hint);
  return jsonResult(200, { success: true }, { 'cache-control': 'no-store' });
}
