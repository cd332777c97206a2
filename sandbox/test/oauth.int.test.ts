import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP, basic, startFakeApp, TestKit } from './sandbox-test-kit';

describe('sandbox OAuth server', () => {
  let kit: TestKit;
  beforeAll(async () => {
    kit = await TestKit.start();
  });
  afterAll(() => kit.close());

  describe('GET /oauth/authorize', () => {
    it('shows a consent page with the company users and both buttons', async () => {
      const response = await fetch(`${kit.url}/oauth/authorize?client_id=${APP.clientId}&redirect_uri=${encodeURIComponent(APP.redirectUri)}&state=s1`);
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(html).toContain('Allow and install');
      expect(html).toContain('Cancel');
      expect(html).toContain('Alice Admin');
      expect(html).toContain('Bob Caller');
    });

    it('preselects the user named by the sandbox_user cookie', async () => {
      const response = await fetch(`${kit.url}/oauth/authorize?client_id=${APP.clientId}&redirect_uri=${encodeURIComponent(APP.redirectUri)}`, {
        headers: { cookie: 'sandbox_user=20003' },
      });
      expect(await response.text()).toMatch(/<option value="20003" selected>/);
    });

    it('redirects back with code and state on allow', async () => {
      const location = await kit.consent({ state: 'abc 123' });
      expect(`${location.origin}${location.pathname}`).toBe(APP.redirectUri);
      expect(location.searchParams.get('state')).toBe('abc 123');
      expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{40}$/);
      expect(location.searchParams.has('error')).toBe(false);
    });

    it('redirects back with error=user_denied and state on cancel', async () => {
      const location = await kit.consent({ state: 'xyz', decision: 'deny' });
      expect(location.searchParams.get('error')).toBe('user_denied');
      expect(location.searchParams.get('state')).toBe('xyz');
      expect(location.searchParams.has('code')).toBe(false);
    });

    it.each([
      ['unknown client', `client_id=nope&redirect_uri=${encodeURIComponent(APP.redirectUri)}`, 'Invalid client: client is invalid'],
      ['redirect mismatch', `client_id=${APP.clientId}&redirect_uri=${encodeURIComponent('http://evil.example/cb')}`, 'Invalid request: redirect_uri is invalid'],
      ['redirect not a URI', `client_id=${APP.clientId}&redirect_uri=not-a-uri`, 'Invalid request: redirect_uri is not a valid URI'],
      ['missing client', `redirect_uri=${encodeURIComponent(APP.redirectUri)}`, 'Missing parameter: client_id'],
    ])('shows an error page without redirecting for %s', async (_name, query, message) => {
      const response = await fetch(`${kit.url}/oauth/authorize?${query}`, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain(message);
    });

    it('rejects a consent answer that was not issued by the page', async () => {
      const response = await fetch(`${kit.url}/oauth/authorize`, {
        method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'consent_id=forged&user_id=20001&decision=allow',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    });
  });

  describe('POST /oauth/token', () => {
    it('exchanges a code for the documented token response', async () => {
      const code = await kit.code();
      const response = await kit.token({ grant_type: 'authorization_code', code, redirect_uri: APP.redirectUri });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        access_token: expect.stringMatching(/^v1u:/),
        refresh_token: expect.stringMatching(/^v1u:/),
        token_type: 'bearer',
        expires_in: 3600,
        scope: 'base,deals:full,activities:full,contacts:full,search:read,phone-integration',
        api_domain: kit.url,
      });
    });

    it('accepts client credentials in the body too', async () => {
      const code = await kit.code();
      const response = await kit.token(
        { grant_type: 'authorization_code', code, redirect_uri: APP.redirectUri, client_id: APP.clientId, client_secret: APP.clientSecret },
        { authorization: null },
      );
      expect(response.status).toBe(200);
    });

    it('rejects JSON bodies with the documented message', async () => {
      const response = await kit.token({ grant_type: 'authorization_code', code: 'x', redirect_uri: APP.redirectUri }, { contentType: 'application/json' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: 'invalid_request', error_description: 'Invalid request: content must be application/x-www-form-urlencoded' });
    });

    it.each([
      ['no credentials', { authorization: null }, 'Invalid client: cannot retrieve client credentials'],
      ['wrong secret', { authorization: basic(APP.clientId, 'wrong') }, 'Invalid client: client is invalid'],
      ['unknown client', { authorization: basic('other', APP.clientSecret) }, 'Invalid client: client is invalid'],
    ] as const)('rejects %s', async (_name, init, message) => {
      const code = await kit.code();
      const response = await kit.token({ grant_type: 'authorization_code', code, redirect_uri: APP.redirectUri }, init);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: 'invalid_client', error_description: message });
    });

    it('answers the documented messages for grant_type problems', async () => {
      expect((await kit.token({ code: 'x' })).body).toEqual({ error: 'invalid_request', error_description: 'Missing parameter: grant_type' });
      expect((await kit.token({ grant_type: 'password' })).body).toEqual({
        error: 'unsupported_grant_type', error_description: 'Unsupported grant type: grant_type is invalid',
      });
    });

    it('makes codes single-use', async () => {
      const code = await kit.code();
      const first = await kit.token({ grant_type: 'authorization_code', code, redirect_uri: APP.redirectUri });
      const second = await kit.token({ grant_type: 'authorization_code', code, redirect_uri: APP.redirectUri });
      expect(first.status).toBe(200);
      expect(second.status).toBe(400);
      expect(second.body).toEqual({ error: 'invalid_grant', error_description: 'Invalid grant: authorization_code is invalid' });
    });

    it('rejects unknown codes', async () => {
      const response = await kit.token({ grant_type: 'authorization_code', code: 'deadbeef', redirect_uri: APP.redirectUri });
      expect(response.body.error_description).toBe('Invalid grant: authorization_code is invalid');
    });

    it('expires codes after 5 minutes', async () => {
      const fresh = await kit.code();
      const stale = await kit.code();
      kit.clock.advance(4 * 60_000 + 59_000);
      expect((await kit.token({ grant_type: 'authorization_code', code: fresh, redirect_uri: APP.redirectUri })).status).toBe(200);
      kit.clock.advance(2000);
      const expired = await kit.token({ grant_type: 'authorization_code', code: stale, redirect_uri: APP.redirectUri });
      expect(expired.status).toBe(400);
      expect(expired.body).toEqual({ error: 'invalid_grant', error_description: 'Invalid grant: authorization_code has expired' });
    });

    it('rejects a code exchanged with another redirect_uri', async () => {
      const code = await kit.code();
      const response = await kit.token({ grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:9/other' });
      expect(response.body).toEqual({ error: 'invalid_request', error_description: 'Invalid request: redirect_uri is invalid' });
    });

    it('refreshes without rotation: same refresh token, new working access token', async () => {
      const tokens = await kit.install();
      const refreshed = await kit.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refresh_token).toBe(tokens.refresh_token);
      expect(refreshed.body.access_token).not.toBe(tokens.access_token);
      expect((await kit.get('/api/v1/users/me', refreshed.body.access_token)).status).toBe(200);
      const again = await kit.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
      expect(again.status).toBe(200);
    });

    it('rejects unknown refresh tokens with the documented message', async () => {
      const response = await kit.token({ grant_type: 'refresh_token', refresh_token: 'v1u:nope' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: 'invalid_grant', error_description: 'Invalid grant: refresh_token is invalid' });
    });

    it('expires access tokens after their lifetime', async () => {
      const tokens = await kit.install();
      kit.clock.advance(3599_000);
      expect((await kit.get('/api/v1/users/me', tokens.access_token)).status).toBe(200);
      kit.clock.advance(1000);
      const expired = await kit.get('/api/v1/users/me', tokens.access_token);
      expect(expired.status).toBe(401);
      expect(expired.body).toEqual({
        success: false, error: 'unauthorized access', errorCode: 401, error_info: 'Please check developers.pipedrive.com', data: null, additional_data: null,
      });
    });

    it('lets a refresh token lapse after 60 days unused', async () => {
      const tokens = await kit.install();
      kit.clock.advance(59 * 86_400_000);
      expect((await kit.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status).toBe(200);
      kit.clock.advance(61 * 86_400_000);
      expect((await kit.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status).toBe(400);
    });
  });

  describe('POST /oauth/revoke', () => {
    it('revoking the refresh token kills the whole install', async () => {
      const tokens = await kit.install(20003);
      const response = await fetch(`${kit.url}/oauth/revoke`, {
        method: 'POST', headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: tokens.refresh_token, token_type_hint: 'refresh_token' }),
      });
      expect(response.status).toBe(200);
      expect((await kit.get('/api/v1/users/me', tokens.access_token)).status).toBe(401);
      expect((await kit.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).body.error_description).toBe(
        'Invalid grant: refresh_token is invalid',
      );
      expect(kit.sandbox.context.isAppInstalled(20003)).toBe(false);
    });

    it('revoking an access token leaves the refresh token working', async () => {
      const tokens = await kit.install();
      await fetch(`${kit.url}/oauth/revoke`, {
        method: 'POST', headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: tokens.access_token, token_type_hint: 'access_token' }),
      });
      expect((await kit.get('/api/v1/users/me', tokens.access_token)).status).toBe(401);
      expect((await kit.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status).toBe(200);
    });

    it('requires client authentication', async () => {
      const tokens = await kit.install();
      const response = await fetch(`${kit.url}/oauth/revoke`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: tokens.refresh_token }),
      });
      expect(response.status).toBe(400);
      expect((await kit.get('/api/v1/users/me', tokens.access_token)).status).toBe(200);
    });
  });
});

describe('refresh token rotation (rotateRefreshTokens)', () => {
  it('issues a new refresh token and retires the old one', async () => {
    const kit = await TestKit.start({ rotateRefreshTokens: true });
    try {
      const tokens = await kit.install();
      const refreshed = await kit.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refresh_token).not.toBe(tokens.refresh_token);
      const reused = await kit.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
      expect(reused.body).toEqual({ error: 'invalid_grant', error_description: 'Invalid grant: refresh_token is invalid' });
      expect((await kit.token({ grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token })).status).toBe(200);
    } finally {
      await kit.close();
    }
  });
});

describe('access token lifetime option', () => {
  it('uses accessTokenTtlSeconds for expires_in and expiry', async () => {
    const kit = await TestKit.start({ accessTokenTtlSeconds: 60 });
    try {
      const tokens = await kit.install();
      expect(tokens.expires_in).toBe(60);
      kit.clock.advance(60_000);
      expect((await kit.get('/api/v1/users/me', tokens.access_token)).status).toBe(401);
    } finally {
      await kit.close();
    }
  });
});

describe('uninstall', () => {
  it('revokes the user tokens and sends Pipedrive’s DELETE notice to the callback URL', async () => {
    const app = await startFakeApp();
    const redirectUri = `${app.url}/api/auth/callback`;
    const kit = await TestKit.start({ app: { ...APP, redirectUri } });
    try {
      const tokens = await kit.install(20002, redirectUri);
      expect(kit.sandbox.context.isAppInstalled(20002)).toBe(true);
      await kit.sandbox.context.uninstallApp({ userId: 20002 });
      expect(kit.sandbox.context.isAppInstalled(20002)).toBe(false);
      expect((await kit.get('/api/v1/users/me', tokens.access_token)).status).toBe(401);
      expect(app.received).toHaveLength(1);
      const notice = app.received[0]!;
      expect(notice.method).toBe('DELETE');
      expect(notice.url).toBe('/api/auth/callback');
      expect(notice.headers.authorization).toBe(basic());
      expect(notice.headers['content-type']).toBe('application/json');
      expect(JSON.parse(notice.body)).toEqual({
        client_id: APP.clientId, company_id: 7351, user_id: 20002, timestamp: new Date(kit.clock.now()).toISOString(),
      });
    } finally {
      await kit.close();
      await app.close();
    }
  });
});
