/**
 * The app's server side over HTTP, against the Pipedrive sandbox: install (OAuth), uninstall,
 * the floating window's token check and session cookie, the JSON API, token refresh and sockets.
 *
 * One sandbox (in-process) and one app process (tests/support/app-process.ts) serve the whole
 * file: Next runs in production mode when a fresh `next build` exists (npm test builds first) and
 * in development mode otherwise (Next allows one development server per checkout at a time), so
 * a single app process keeps the suite reasonably fast. DEBUG_APP_OUTPUT=1 prints the app's log.
 */
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountRepository } from '@/adapters/db/account-repository';
import { openDatabase } from '@/adapters/db/database';
import { createTokenCipher } from '@/adapters/session/token-cipher';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  SESSION_SECRET,
  consentRedirect,
  cookiePair,
  findSetCookie,
  installThroughSandbox,
  openWindow,
  sandboxControl,
  signWindowToken,
  startHarness,
  unsignedToken,
  type Harness,
} from './helpers/app-harness';

let harness: Harness;
let companyId: number;
/** Installed in beforeAll and used by most tests. */
let agentId: number;
/** Never installed. */
let strangerId: number;

beforeAll(async () => {
  harness = await startHarness();
  companyId = harness.companyId;
  const [first, second, third, fourth] = harness.userIds;
  if (first === undefined || second === undefined || third === undefined || fourth === undefined) throw new Error('the sandbox needs at least 4 users');
  agentId = first;
  strangerId = fourth;
  const install = await installThroughSandbox(harness, agentId);
  if (install.callback.status !== 200) throw new Error(`install failed: ${install.callback.status}\n${install.html}\n${harness.app.output()}`);
});

afterAll(async () => {
  if (process.env.DEBUG_APP_OUTPUT) console.log(harness?.app.output());
  await harness?.close();
});

/** Reads the account straight from the app's database with the app's session secret. */
async function storedAccount(userId: number) {
  const database = openDatabase(harness.databaseUrl);
  try {
    const accounts = createAccountRepository(database.db, database.tables, createTokenCipher(SESSION_SECRET));
    return await accounts.findWithTokens({ companyId, userId });
  } finally {
    await database.close();
  }
}

async function sessionFor(userId: number): Promise<string> {
  const opened = await openWindow(harness, { token: await signWindowToken({ userId, companyId }), userId: String(userId), companyId: String(companyId) });
  return cookiePair(opened.sessionCookie);
}

const api = (path: string, init: RequestInit = {}) => fetch(`${harness.appUrl}${path}`, { redirect: 'manual', ...init });
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('health', () => {
  it('answers /api/health and /api/ready', async () => {
    expect(await (await api('/api/health')).json()).toEqual({ status: 'ok' });
    expect(await (await api('/api/ready')).json()).toEqual({ status: 'ready' });
  });
});

describe('install (OAuth)', () => {
  it('login redirects to the OAuth server with client_id, redirect_uri and a state bound to a Lax cookie', async () => {
    const response = await api('/api/auth/login');
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(`${harness.sandbox.url}/oauth/authorize`);
    expect(location.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(location.searchParams.get('redirect_uri')).toBe(`${harness.appUrl}/api/auth/callback`);
    const state = location.searchParams.get('state') as string;
    expect(state.length).toBeGreaterThanOrEqual(16);
    const cookie = findSetCookie(response, 'caller_oauth_state') as string;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toContain(state);
  });

  it('stores the account and shows a success page linking back to Pipedrive', async () => {
    const account = await storedAccount(agentId);
    expect(account).toMatchObject({ companyId, userId: agentId, status: 'connected', apiDomain: harness.sandbox.url });
    const second = harness.userIds[1] as number;
    const { callback, html } = await installThroughSandbox(harness, second);
    expect(callback.status).toBe(200);
    expect(html).toContain(`href="${harness.sandbox.url}"`);
    expect(html).toMatch(/Return to Pipedrive/);
  });

  it('refuses a mismatched state before exchanging the code (the code still works afterwards)', async () => {
    const userId = harness.userIds[2] as number;
    const { callbackUrl, stateCookie } = await consentRedirect(harness, userId);
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'someone-elses-state-value-123456');
    const refused = await fetch(forged, { redirect: 'manual', headers: { cookie: stateCookie } });
    expect(refused.status).toBe(400);
    expect(await storedAccount(userId)).toBeNull();
    const accepted = await fetch(callbackUrl, { redirect: 'manual', headers: { cookie: stateCookie } });
    expect(accepted.status).toBe(200);
    expect(await storedAccount(userId)).toMatchObject({ status: 'connected' });
  });

  it('refuses a state when the browser has no state cookie', async () => {
    const { callbackUrl } = await consentRedirect(harness, strangerId);
    const response = await fetch(callbackUrl, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await storedAccount(strangerId)).toBeNull();
  });

  it('refuses a callback without state when this browser started an install (state cookie present)', async () => {
    const { callbackUrl, stateCookie } = await consentRedirect(harness, strangerId);
    const withoutState = new URL(callbackUrl);
    withoutState.searchParams.delete('state');
    const response = await fetch(withoutState, { redirect: 'manual', headers: { cookie: stateCookie } });
    expect(response.status).toBe(400);
    expect(await storedAccount(strangerId)).toBeNull();
  });

  it('accepts a callback without state and without state cookie (install started from the Marketplace)', async () => {
    const userId = harness.userIds[2] as number;
    const consentPage = await fetch(harness.sandbox.context.authorizeUrl());
    const consentId = /name="consent_id" value="([^"]+)"/.exec(await consentPage.text())?.[1] as string;
    const answer = await fetch(`${harness.sandbox.url}/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ consent_id: consentId, user_id: String(userId), decision: 'allow' }).toString(),
    });
    const callbackUrl = new URL(answer.headers.get('location') as string);
    expect(callbackUrl.searchParams.has('state')).toBe(false);
    const response = await fetch(callbackUrl, { redirect: 'manual' });
    expect(response.status).toBe(200);
  });

  it('shows a friendly page when the user cancels on the consent page', async () => {
    const { callback, html } = await installThroughSandbox(harness, strangerId, { decision: 'deny' });
    expect(callback.status).toBe(200);
    expect(html).toMatch(/cancelled/i);
    expect(await storedAccount(strangerId)).toBeNull();
  });

  it('keeps tokens out of the database: only ciphertext is stored', async () => {
    const account = await storedAccount(agentId);
    const tokens = account?.tokens;
    if (!tokens) throw new Error('no stored tokens');
    // The decrypted token is the real one: the sandbox accepts it.
    const me = await fetch(`${harness.sandbox.url}/api/v1/users/me`, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
    expect(me.status).toBe(200);
    const bytes = await harness.database.storedBytes();
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from(tokens.accessToken))).toBe(false);
    expect(bytes.includes(Buffer.from(tokens.refreshToken))).toBe(false);
  });
});

describe('the floating window (GET /)', () => {
  it('opens the window for a verified, installed user and sets a sealed partitioned session cookie', async () => {
    const token = await signWindowToken({ userId: agentId, companyId });
    const { response, html, props, sessionCookie } = await openWindow(harness, { token, userId: String(agentId), companyId: String(companyId), theme: 'dark', id: 'fw-1' });
    expect(response.status).toBe(200);
    expect(props).toMatchObject({ view: 'window', user: { id: agentId }, company: { id: companyId }, theme: 'dark', socketTransports: 'polling,websocket' });
    const attributes = (sessionCookie as string).split('; ');
    expect(attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'Secure', 'SameSite=None', 'Partitioned']));
    const maxAge = Number(attributes.find((attribute) => attribute.startsWith('Max-Age='))?.slice('Max-Age='.length));
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(3600);
    const tokens = (await storedAccount(agentId))?.tokens;
    expect(sessionCookie).not.toContain(tokens?.accessToken);
    expect(html).not.toContain(tokens?.accessToken as string);
    expect(html).not.toContain(tokens?.refreshToken as string);
  });

  it('asks a verified user who has not installed the app to install it', async () => {
    const { props, sessionCookie } = await openWindow(harness, { token: await signWindowToken({ userId: strangerId, companyId }) });
    expect(props).toEqual({ view: 'install', installUrl: '/api/auth/login' });
    expect(sessionCookie).toBeUndefined();
  });

  it.each([
    ['no token', async () => ({})],
    ['a token signed with another secret', async () => ({ token: await signWindowToken({ userId: agentId, companyId }, { secret: 'not-the-client-secret-at-all-0123456789' }) })],
    ['an expired token', async () => ({ token: await signWindowToken({ userId: agentId, companyId }, { expiresInSeconds: -600 }) })],
    ['an alg:none token', async () => ({ token: unsignedToken({ userId: agentId, companyId }) })],
    ['an HS512 token', async () => ({ token: await signWindowToken({ userId: agentId, companyId }, { alg: 'HS512' }) })],
    ['a userId that does not match the token', async () => ({ token: await signWindowToken({ userId: agentId, companyId }), userId: String(strangerId), companyId: String(companyId) })],
    ['a companyId that does not match the token', async () => ({ token: await signWindowToken({ userId: agentId, companyId }), companyId: String(companyId + 1) })],
  ])('refuses %s: no session, "open from Pipedrive"', async (_label, query) => {
    const { response, props, sessionCookie } = await openWindow(harness, await query());
    expect(response.status).toBe(200);
    expect(props).toEqual({ view: 'open-from-pipedrive' });
    expect(sessionCookie).toBeUndefined();
  });
});

describe('JSON API identity', () => {
  it('GET /api/me answers from the session cookie', async () => {
    const cookie = await sessionFor(agentId);
    const response = await api('/api/me', { headers: { cookie } });
    expect(response.status).toBe(200);
    const user = harness.sandbox.context.store.getUser(agentId);
    expect(await response.json()).toEqual({ user: { id: agentId, name: user?.name, email: user?.email }, company: { id: companyId, name: harness.sandbox.context.store.company.name, defaultRegion: expect.stringMatching(/^[A-Z]{2}$/) }, telephony: { provider: 'mock' } });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 401 SESSION_REQUIRED without a cookie, and for a tampered one', async () => {
    expect(await errorCode(await api('/api/me'))).toBe('SESSION_REQUIRED');
    const cookie = await sessionFor(agentId);
    const tampered = `${cookie.slice(0, -3)}${cookie.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const response = await api('/api/me', { headers: { cookie: tampered } });
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe('SESSION_REQUIRED');
  });

  it('accepts X-Pipedrive-Token when the browser blocked the cookie, and refuses a bad one', async () => {
    const good = await api('/api/me', { headers: { 'x-pipedrive-token': await signWindowToken({ userId: agentId, companyId }) } });
    expect(good.status).toBe(200);
    const forged = await api('/api/me', { headers: { 'x-pipedrive-token': unsignedToken({ userId: agentId, companyId }) } });
    expect(forged.status).toBe(401);
    expect(await errorCode(forged)).toBe('TOKEN_INVALID');
  });

  it('answers 403 ACCOUNT_NOT_INSTALLED for a verified user without an install', async () => {
    const response = await api('/api/me', { headers: { 'x-pipedrive-token': await signWindowToken({ userId: strangerId, companyId }) } });
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('ACCOUNT_NOT_INSTALLED');
  });

  it('answers 405 for a wrong method', async () => {
    const response = await api('/api/me', { method: 'DELETE', headers: { origin: harness.appUrl } });
    expect(response.status).toBe(405);
    expect(await errorCode(response)).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('POST /api/session', () => {
  it('issues a fresh cookie for a valid token from the app origin (204)', async () => {
    const response = await api('/api/session', {
      method: 'POST',
      headers: { origin: harness.appUrl, 'x-pipedrive-token': await signWindowToken({ userId: agentId, companyId }) },
    });
    expect(response.status).toBe(204);
    const cookie = findSetCookie(response, 'caller_session') as string;
    expect(cookie).toMatch(/Partitioned/);
    expect((await api('/api/me', { headers: { cookie: cookiePair(cookie) } })).status).toBe(200);
  });

  it('answers 401 for a bad or missing token', async () => {
    const bad = await api('/api/session', { method: 'POST', headers: { origin: harness.appUrl, 'x-pipedrive-token': unsignedToken({ userId: agentId, companyId }) } });
    expect(bad.status).toBe(401);
    expect(findSetCookie(bad, 'caller_session')).toBeUndefined();
    const missing = await api('/api/session', { method: 'POST', headers: { origin: harness.appUrl } });
    expect(missing.status).toBe(401);
  });

  it('refuses cross-origin requests, including from the Pipedrive (sandbox) origin', async () => {
    const token = await signWindowToken({ userId: agentId, companyId });
    const origins: Record<string, string>[] = [{ origin: harness.sandbox.url }, { origin: 'https://evil.example' }, {}];
    for (const headers of origins) {
      const response = await api('/api/session', { method: 'POST', headers: { ...headers, 'x-pipedrive-token': token } });
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe('CROSS_ORIGIN_REQUEST');
    }
  });
});

describe('contacts', () => {
  it('pages through every person with a phone, beyond the first Pipedrive page', async () => {
    const cookie = await sessionFor(agentId);
    const expected = harness.sandbox.context.store
      .listPersons({ limit: Number.MAX_SAFE_INTEGER })
      .items.filter((person) => person.phones.length > 0)
      .map((person) => person.id)
      .sort((a, b) => a - b);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? 'limit=100' : `limit=100&cursor=${encodeURIComponent(cursor)}`;
      const response = await api(`/api/contacts?${query}`, { headers: { cookie } });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: { id: number; phones: unknown[] }[]; nextCursor: string | null };
      expect(page.items.every((contact) => contact.phones.length > 0)).toBe(true);
      seen.push(...page.items.map((contact) => contact.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 20);
    expect(pages).toBeGreaterThan(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(expected);
  });

  it('returns the Contact shape with the default page size', async () => {
    const cookie = await sessionFor(agentId);
    const page = (await (await api('/api/contacts', { headers: { cookie } })).json()) as { items: Record<string, unknown>[] };
    expect(page.items).toHaveLength(50);
    const harriet = page.items.find((contact) => typeof contact.name === 'string' && contact.name.startsWith('Harriet'));
    const store = harness.sandbox.context.store;
    const harrietsOrgId = store.getPerson(harriet?.id as number)?.org_id;
    expect(harrietsOrgId).toEqual(expect.any(Number));
    expect(harriet).toMatchObject({
      id: expect.any(Number),
      phones: [{ value: '+44 20 7946 0958', label: expect.anything(), primary: true }],
      organizationName: store.getOrganization(harrietsOrgId as number)?.name,
      pictureUrl: null,
    });
  });

  it('validates limit and cursor', async () => {
    const cookie = await sessionFor(agentId);
    expect(await errorCode(await api('/api/contacts?limit=101', { headers: { cookie } }))).toBe('INVALID_REQUEST');
    expect(await errorCode(await api('/api/contacts?cursor=garbage', { headers: { cookie } }))).toBe('INVALID_CURSOR');
    expect((await api('/api/contacts')).status).toBe(401);
  });

  it('searches the whole account by name and by phone, returning only callable persons', async () => {
    const cookie = await sessionFor(agentId);
    const search = async (term: string) => {
      const response = await api(`/api/contacts/search?term=${encodeURIComponent(term)}`, { headers: { cookie } });
      return { status: response.status, body: (await response.json()) as { items: { name: string; phones: { value: string }[] }[] } };
    };
    const byName = await search('  harriet ');
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((item) => item.name)).toContain('Harriet Wells');
    const byPhone = await search('415 555 0134');
    expect(byPhone.body.items.map((item) => item.name)).toContain('Samuel Reed');
    expect((await search('Nora Quiet')).body.items).toEqual([]);
    expect((await search('a')).status).toBe(400);
  });
});

describe('tokens: refresh and revocation', () => {
  it('refreshes the access token when Pipedrive rejects it (401) and retries', async () => {
    const cookie = await sessionFor(agentId);
    const before = (await storedAccount(agentId))?.tokens?.accessToken;
    await sandboxControl(harness, 'expire-tokens', { userId: agentId });
    const response = await api('/api/contacts?limit=5', { headers: { cookie } });
    expect(response.status).toBe(200);
    const after = (await storedAccount(agentId))?.tokens?.accessToken;
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });

  it('renews an expired session with POST /api/session, with short-lived access tokens', async () => {
    await sandboxControl(harness, 'config', { accessTokenTtlSeconds: 2 });
    try {
      const userId = harness.userIds[1] as number;
      await installThroughSandbox(harness, userId);
      const opened = await openWindow(harness, { token: await signWindowToken({ userId, companyId }) });
      const cookie = cookiePair(opened.sessionCookie);
      expect(opened.sessionCookie).toMatch(/Max-Age=[0-2];/);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const expired = await api('/api/me', { headers: { cookie } });
      expect(expired.status).toBe(401);
      expect(await errorCode(expired)).toBe('SESSION_EXPIRED');
      const renewed = await api('/api/session', { method: 'POST', headers: { origin: harness.appUrl, 'x-pipedrive-token': await signWindowToken({ userId, companyId }) } });
      expect(renewed.status).toBe(204);
      const fresh = cookiePair(findSetCookie(renewed, 'caller_session'));
      expect((await api('/api/contacts/search?term=Harriet', { headers: { cookie: fresh } })).status).toBe(200);
    } finally {
      await sandboxControl(harness, 'config', { accessTokenTtlSeconds: 3600 });
    }
  });

  it('marks the account disconnected when the refresh token was revoked (invalid_grant)', async () => {
    const userId = harness.userIds[2] as number;
    const cookie = await sessionFor(userId);
    await sandboxControl(harness, 'revoke', { userId, notify: false });
    const response = await api('/api/contacts?limit=5', { headers: { cookie } });
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('ACCOUNT_DISCONNECTED');
    expect(await storedAccount(userId)).toMatchObject({ status: 'disconnected', tokens: null });
    const { props } = await openWindow(harness, { token: await signWindowToken({ userId, companyId }) });
    expect(props).toEqual({ view: 'install', installUrl: '/api/auth/login', reason: 'disconnected' });
  });
});

describe('realtime', () => {
  const sockets: Socket[] = [];
  afterAll(() => sockets.forEach((socket) => socket.disconnect()));

  function connect(options: { cookie?: string; token?: string; origin?: string }) {
    const socket = connectSocket(harness.appUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      auth: options.token ? { token: options.token } : {},
      extraHeaders: { ...(options.cookie ? { cookie: options.cookie } : {}), ...(options.origin ? { origin: options.origin } : {}) },
    });
    sockets.push(socket);
    return new Promise<{ ready?: unknown; error?: string }>((resolve) => {
      socket.once('ready', (ready: unknown) => resolve({ ready }));
      socket.once('connect_error', (error: Error) => resolve({ error: error.message }));
    });
  }

  it('authenticates a window by its session cookie or a signed token', async () => {
    const byCookie = await connect({ cookie: await sessionFor(agentId), origin: harness.appUrl });
    expect(byCookie.ready).toMatchObject({ user: { id: agentId }, company: { id: companyId } });
    const byToken = await connect({ token: await signWindowToken({ userId: agentId, companyId }) });
    expect(byToken.ready).toMatchObject({ user: { id: agentId } });
  });

  it('refuses connections without identity, with a forged token, for users without install, or from another origin', async () => {
    expect(await connect({})).toEqual({ error: 'SESSION_REQUIRED' });
    expect(await connect({ token: unsignedToken({ userId: agentId, companyId }) })).toEqual({ error: 'TOKEN_INVALID' });
    expect(await connect({ token: await signWindowToken({ userId: strangerId, companyId }) })).toEqual({ error: 'ACCOUNT_NOT_INSTALLED' });
    expect((await connect({ cookie: await sessionFor(agentId), origin: harness.sandbox.url })).error).toBeDefined();
  });
});

describe('uninstall (DELETE /api/auth/callback)', () => {
  const notice = (authorization: string | undefined, userId: number) =>
    api('/api/auth/callback', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ client_id: CLIENT_ID, company_id: companyId, user_id: userId, timestamp: new Date().toISOString() }),
    });
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

  it('answers 401 to a notice without the app credentials and keeps the account', async () => {
    expect((await notice(undefined, agentId)).status).toBe(401);
    expect((await notice(basic(CLIENT_ID, 'wrong-secret'), agentId)).status).toBe(401);
    expect((await notice(basic('other-client', CLIENT_SECRET), agentId)).status).toBe(401);
    expect(await storedAccount(agentId)).toMatchObject({ status: 'connected' });
  });

  it('rejects a malformed notice body', async () => {
    const response = await api('/api/auth/callback', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', authorization: basic(CLIENT_ID, CLIENT_SECRET) },
      body: JSON.stringify({ client_id: CLIENT_ID, user_id: 'x' }),
    });
    expect(response.status).toBe(400);
  });

  it("deletes the user's tokens when Pipedrive sends the uninstall notice", async () => {
    const cookie = await sessionFor(agentId);
    await sandboxControl(harness, 'revoke', { userId: agentId, notify: true });
    expect(await storedAccount(agentId)).toMatchObject({ status: 'disconnected', tokens: null });
    const response = await api('/api/me', { headers: { cookie } });
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('ACCOUNT_DISCONNECTED');
  });

  it('accepts a direct notice with the right credentials', async () => {
    const userId = harness.userIds[1] as number;
    const response = await notice(basic(CLIENT_ID, CLIENT_SECRET), userId);
    expect(response.status).toBe(204);
    expect(await storedAccount(userId)).toMatchObject({ status: 'disconnected' });
  });
});
