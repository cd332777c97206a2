import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { PipedriveError, toPipedriveError } from './pipedrive-error';

export interface OAuthClientOptions {
  oauthUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  http: AxiosInstance;
  now?: () => number;
}

export interface TokenGrant {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: number;
  apiDomain: string;
  scopes: string;
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  token_type: z.string().refine((type) => type.toLowerCase() === 'bearer', 'token_type must be bearer'),
  expires_in: z.number().int().positive(),
  scope: z.string().default(''),
  api_domain: z.url({ protocol: /^https?$/ }),
});

/**
 * Pipedrive's OAuth server: code exchange, refresh and revocation, form-encoded with HTTP Basic
 * client authentication. Plain axios: the official client's OAuth2Configuration keeps one user's
 * token in memory, which does not fit a server holding many users' tokens.
 */
export function createOAuthClient(options: OAuthClientOptions) {
  const now = options.now ?? Date.now;
  const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');

  async function post(path: string, form: Record<string, string>, what: string) {
    try {
      return await options.http.post(`${options.oauthUrl}${path}`, new URLSearchParams(form).toString(), {
        headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      });
    } catch (error) {
      throw toPipedriveError(error, what);
    }
  }

  function toGrant(data: unknown, what: string): TokenGrant {
    const parsed = tokenResponseSchema.safeParse(data);
    if (!parsed.success) throw new PipedriveError({ kind: 'unavailable', status: 200, message: `${what}: unexpected token response`, retryable: false });
    return {
      accessToken: parsed.data.access_token,
      refreshToken: parsed.data.refresh_token,
      accessTokenExpiresAt: now() + parsed.data.expires_in * 1000,
      apiDomain: parsed.data.api_domain.replace(/\/+$/, ''),
      scopes: parsed.data.scope,
    };
  }

  return {
    authorizeUrl(state: string): string {
      const url = new URL(`${options.oauthUrl}/oauth/authorize`);
      url.searchParams.set('client_id', options.clientId);
      url.searchParams.set('redirect_uri', options.redirectUri);
      url.searchParams.set('state', state);
      return url.toString();
    },
    async exchangeCode(code: string): Promise<TokenGrant> {
      const response = await post('/oauth/token', { grant_type: 'authorization_code', code, redirect_uri: options.redirectUri }, 'code exchange');
      return toGrant(response.data, 'code exchange');
    },
    async refresh(refreshToken: string): Promise<TokenGrant> {
      const response = await post('/oauth/token', { grant_type: 'refresh_token', refresh_token: refreshToken }, 'token refresh');
      return toGrant(response.data, 'token refresh');
    },
    /** Revoking the refresh token uninstalls the app for that user (RFC 7009). */
    async revoke(token: string, tokenTypeHint: 'access_token' | 'refresh_token'): Promise<void> {
      await post('/oauth/revoke', { token, token_type_hint: tokenTypeHint }, 'token revocation');
    },
  };
}

export type OAuthClient = ReturnType<typeof createOAuthClient>;
