import { z } from 'zod';

export interface OAuthClient {
  sandboxUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface SandboxTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
  apiDomain: string;
  scope: string;
}

const tokenResponseSchema = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  expires_in: z.number(),
  api_domain: z.string(),
  scope: z.string(),
});

/**
 * A real OAuth install of `userId` in the sandbox, done over HTTP the way a browser and the app's
 * callback would: consent page → "Allow" → authorization code → token exchange with client credentials.
 */
export async function installByOAuth(client: OAuthClient, userId: number): Promise<SandboxTokens> {
  const authorize = new URL('/oauth/authorize', client.sandboxUrl);
  authorize.search = new URLSearchParams({ client_id: client.clientId, redirect_uri: client.redirectUri, state: 'bench' }).toString();
  const page = await (await fetch(authorize)).text();
  const consentId = /name="consent_id" value="([0-9a-f]+)"/.exec(page)?.[1];
  if (consentId === undefined) throw new Error('the sandbox consent page has no consent_id');
  const allowed = await fetch(new URL('/oauth/authorize', client.sandboxUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ consent_id: consentId, decision: 'allow', user_id: String(userId) }),
    redirect: 'manual',
  });
  const code = new URL(allowed.headers.get('location') ?? 'http://invalid/').searchParams.get('code');
  if (code === null) throw new Error(`the sandbox did not redirect with a code (HTTP ${allowed.status})`);
  const exchanged = await fetch(new URL('/oauth/token', client.sandboxUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: client.redirectUri }),
  });
  const tokens = tokenResponseSchema.parse(await exchanged.json());
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    apiDomain: tokens.api_domain,
    scope: tokens.scope,
  };
}
