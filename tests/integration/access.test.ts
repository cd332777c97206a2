/**
 * Who gets in, against the real app and sandbox: iframe tokens (HS256 only, exp/iat, key,
 * replay into another company), sealed cookies, CSRF on every state-changing route, socket
 * authentication and room isolation between companies and users, and the credentials of the
 * Control Center and the webhooks.
 */
import { generateKeyPair, SignJWT } from 'jose';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountRepository } from '@/adapters/db/account-repository';
import { openDatabase } from '@/adapters/db/database';
import { CONTROL_CENTER_NAMESPACE, SOCKET_PATH } from '@/adapters/realtime/socket-events';
import { createSessionSealer } from '@/adapters/session/session-sealer';
import { createTokenCipher } from '@/adapters/session/token-cipher';
import { signWebhookBody } from '@/adapters/telephony/webhook/webhook-signature';
import { CLIENT_SECRET, SESSION_SECRET, cookiePair, installThroughSandbox, openWindow, signWindowToken, startHarness, type Harness } from './helpers/app-harness';

const CONTROL_CENTER_TOKEN = 'access-control-center-token-0123456789';
const WEBHOOK_SECRET = 'access-webhook-secret-0123456789';
/** A second company, installed straight into the app's database (the sandbox has one company). */
const OTHER = { companyId: 990001, userId: 990002 };

let harness: Harness;
let companyId: number;
let agentId: number;
let colleagueId: number;
let appOrigin: string;

beforeAll(async () => {
  harness = await startHarness({ env: { CONTROL_CENTER_TOKEN, TELEPHONY_WEBHOOK_SECRET: WEBHOOK_SECRET, TWILIO_AUTH_TOKEN: 'access-twilio-auth-token' } });
  companyId = harness.companyId;
  [agentId, colleagueId] = harness.userIds as [number, number];
  appOrigin = new URL(harness.appUrl).origin;
  for (const userId of [agentId, colleagueId]) {
    const install = await installThroughSandbox(harness, userId);
    if (install.callback.status !== 200) throw new Error(`install failed: ${install.callback.status}\n${harness.app.output()}`);
  }
  const database = openDatabase(harness.databaseUrl);
  try {
    await createAccountRepository(database.db, database.tables, createTokenCipher(SESSION_SECRET)).install({
      ...OTHER,
      name: 'Olga Other',
      email: 'olga@other.example',
      companyName: 'Other Company',
      apiDomain: harness.sandbox.url,
      scopes: 'base',
      tokens: { accessToken: 'other-access-token', refreshToken: 'other-refresh-token', accessTokenExpiresAt: Date.now() + 3_600_000 },
    });
  } finally {
    await database.close();
  }
});

afterAll(async () => {
  if (process.env.DEBUG_APP_OUTPUT) console.log(harness?.app.output());
  await harness?.close();
});

const api = (path: string, init: RequestInit = {}) => fetch(`${harness.appUrl}${path}`, { redirect: 'manual', ...init });
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
const now = () => Math.floor(Date.now() / 1000);
const secretKey = new TextEncoder().encode(CLIENT_SECRET);

async function sessionCookieFor(userId: number): Promise<string> {
  const opened = await openWindow(harness, { token: await signWindowToken({ userId, companyId }), userId: String(userId), companyId: String(companyId) });
  return cookiePair(opened.sessionCookie);
}

/** POST /api/session with this token as X-Pipedrive-Token, from the app's own origin. */
const renewWith = (token: string) => api('/api/session', { method: 'POST', headers: { origin: appOrigin, 'x-pipedrive-token': token } });

describe('iframe tokens', () => {
  const claims = () => ({ userId: agentId, companyId });
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('accepts the genuine HS256 token (the baseline the refusals below differ from)', async () => {
    expect((await renewWith(await signWindowToken(claims()))).status).toBe(204);
  });

  it.each([
    ['alg none', async () => `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims(), exp: now() + 300 })}.`],
    ['HS512 with the right secret', () => new SignJWT(claims()).setProtectedHeader({ alg: 'HS512' }).setIssuedAt().setExpirationTime(now() + 300).sign(secretKey)],
    [
      'RS256 (key confusion)',
      async () => new SignJWT(claims()).setProtectedHeader({ alg: 'RS256' }).setIssuedAt().setExpirationTime(now() + 300).sign((await generateKeyPair('RS256')).privateKey),
    ],
    ['a wrong key', () => signWindowToken(claims(), { secret: 'not-the-client-secret-at-all-0123456789' })],
    ['no exp', () => new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(secretKey)],
    ['iat far in the future', () => new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(now() + 600).setExpirationTime(now() + 900).sign(secretKey)],
    ['a signature from another token', async () => `${(await signWindowToken({ userId: colleagueId, companyId })).split('.').slice(0, 2).join('.')}.${(await signWindowToken(claims())).split('.')[2]}`],
  ])('refuses %s (401 TOKEN_INVALID, no cookie)', async (_what, makeToken) => {
    const response = await renewWith(await makeToken());
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await errorCode(response)).toBe('TOKEN_INVALID');
  });

  it('refuses an expired token (beyond the small skew) as expired', async () => {
    const response = await renewWith(await signWindowToken(claims(), { expiresInSeconds: -120 }));
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe('TOKEN_EXPIRED');
  });

  it('refuses a token of company B opened with company A’s userId and companyId in the URL', async () => {
    const tokenOfB = await signWindowToken({ userId: OTHER.userId, companyId: OTHER.companyId });
    const replayed = await openWindow(harness, { token: tokenOfB, userId: String(agentId), companyId: String(companyId) });
    expect(replayed.sessionCookie).toBeUndefined();
    expect(JSON.stringify(replayed.props)).not.toContain('"authenticated"');
    const genuine = await openWindow(harness, { token: await signWindowToken(claims()), userId: String(agentId), companyId: String(companyId) });
    expect(genuine.sessionCookie).toBeDefined();
  });

  it('never takes identity from the URL alone', async () => {
    const opened = await openWindow(harness, { userId: String(agentId), companyId: String(companyId) });
    expect(opened.sessionCookie).toBeUndefined();
  });
});

describe('sealed session cookies', () => {
  it('refuses a tampered cookie and one sealed with another key', async () => {
    const genuine = await sessionCookieFor(agentId);
    expect((await api('/api/me', { headers: { cookie: genuine } })).status).toBe(200);
    const [name, value] = genuine.split('=') as [string, string];
    const sealed = decodeURIComponent(value);
    const flipped = sealed.slice(0, 40) + (sealed[40] === 'A' ? 'B' : 'A') + sealed.slice(41);
    const otherKey = await createSessionSealer({ sessionSecret: 'another-session-secret-0123456789abcdef0123' }).createSessionCookie({ companyId, userId: agentId }, Date.now() + 60_000);
    for (const cookie of [`${name}=${encodeURIComponent(flipped)}`, cookiePair(otherKey), `${name}=${JSON.stringify({ companyId, userId: agentId })}`]) {
      const response = await api('/api/me', { headers: { cookie } });
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe('SESSION_REQUIRED');
    }
  });
});

describe('CSRF: state-changing routes need the app’s own Origin', () => {
  const routes: [string, string][] = [
    ['POST', '/api/session'],
    ['POST', '/api/calls'],
    ['POST', '/api/calls/some-call/answer'],
    ['POST', '/api/calls/some-call/reject'],
    ['POST', '/api/calls/some-call/hang-up'],
    ['POST', '/api/calls/some-call/contact'],
    ['POST', '/api/calls/some-call/wrap-up'],
    ['POST', '/api/calls/some-call/wrap-up/retry'],
    ['POST', '/api/calls/missed/seen'],
    ['PUT', '/api/settings'],
  ];

  it.each(routes)('%s %s refuses a cross-site Origin, the Pipedrive (sandbox) Origin and no Origin, even with a valid session', async (method, path) => {
    const cookie = await sessionCookieFor(agentId);
    const body = JSON.stringify({});
    for (const origin of ['https://evil.example', harness.sandbox.url, 'null', undefined]) {
      const headers: Record<string, string> = { cookie, 'content-type': 'application/json', ...(origin === undefined ? {} : { origin }) };
      const response = await api(path, { method, headers, body });
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe('CROSS_ORIGIN_REQUEST');
    }
    // The same request from the app itself gets past the check (to whatever the route answers).
    const own = await api(path, { method, headers: { cookie, origin: appOrigin, 'content-type': 'application/json' }, body });
    expect(own.status === 403 && (await errorCode(own)) === 'CROSS_ORIGIN_REQUEST').toBe(false);
  });
});

function connect(namespace: string, options: { cookie?: string; auth?: Record<string, unknown>; origin?: string; heard?: string[] }): Promise<Socket> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  const socket = connectSocket(`${harness.appUrl}${namespace}`, { path: SOCKET_PATH, transports: ['websocket'], reconnection: false, forceNew: true, auth: options.auth, extraHeaders: headers });
  // Recorded from the start: the server talks as soon as the socket is in.
  socket.onAny((event: string) => options.heard?.push(event));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function postInbound(body: Record<string, unknown>, signature?: string): Promise<Response> {
  const raw = JSON.stringify(body);
  return api('/api/telephony/inbound', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { 'x-signature': signature }) },
    body: raw,
  });
}

async function waitUntil(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('sockets', () => {
  it('authenticate only from the session or a signed token: ids in the handshake mean nothing', async () => {
    await expect(connect('/', { auth: { companyId, userId: agentId } })).rejects.toThrow('SESSION_REQUIRED');
    await expect(connect('/', { auth: { token: `${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.` } })).rejects.toThrow('TOKEN_INVALID');
    await expect(connect('/', { cookie: await sessionCookieFor(agentId), origin: 'https://evil.example' })).rejects.toThrow();
  });

  it('a socket never hears another company’s or another user’s calls, whatever it emits', async () => {
    const heard: Record<'agent' | 'colleague' | 'outsider', string[]> = { agent: [], colleague: [], outsider: [] };
    const agent = await connect('/', { cookie: await sessionCookieFor(agentId), heard: heard.agent });
    const colleague = await connect('/', { cookie: await sessionCookieFor(colleagueId), heard: heard.colleague });
    const outsider = await connect('/', { auth: { token: await signWindowToken(OTHER) }, heard: heard.outsider });
    // Each window is caught up on its own calls and badge when it connects (ending with missed:count): not the point here.
    for (const events of Object.values(heard)) await waitUntil(() => events.includes('missed:count'), 'the catch-up on connect');
    for (const events of Object.values(heard)) events.length = 0;
    // Join-like events a client might try: the server has no such handlers and relays nothing.
    for (const socket of [outsider, colleague]) {
      for (const room of [`company:${companyId}`, `user:${companyId}:${agentId}`]) {
        socket.emit('join', room);
        socket.emit('join', { room });
        socket.emit('subscribe', room);
        socket.emit('room:join', { companyId, userId: agentId });
      }
    }
    const inbound = { from: '+14155550134', agent: String(agentId), callId: `access-${Date.now()}` };
    const accepted = await postInbound(inbound, signWebhookBody(JSON.stringify(inbound), WEBHOOK_SECRET));
    expect(accepted.status).toBe(202);
    await waitUntil(() => heard.agent.includes('call:ringing'), 'the agent’s socket to ring');
    // Another round trip on each socket, so anything misrouted would have arrived by now.
    await Promise.all([colleague, outsider].map((socket) => socket.timeout(5_000).emitWithAck('agent:set-availability', { available: true })));
    expect(heard.colleague.filter((event) => event.startsWith('call:'))).toEqual([]);
    expect(heard.outsider.filter((event) => event.startsWith('call:') || event.startsWith('missed:'))).toEqual([]);
    for (const socket of [agent, colleague, outsider]) socket.close();
  });
});

describe('Control Center and webhooks', () => {
  it('the Control Center refuses a missing or wrong token', async () => {
    await expect(connect(CONTROL_CENTER_NAMESPACE, {})).rejects.toThrow('CONTROL_CENTER_TOKEN_INVALID');
    await expect(connect(CONTROL_CENTER_NAMESPACE, { auth: { token: `${CONTROL_CENTER_TOKEN}x` } })).rejects.toThrow('CONTROL_CENTER_TOKEN_INVALID');
    const admin = await connect(CONTROL_CENTER_NAMESPACE, { auth: { token: CONTROL_CENTER_TOKEN } });
    admin.close();
  });

  it('the provider webhook refuses a missing, malformed or wrong signature', async () => {
    const body = { from: '+14155550134' };
    expect(await errorCode(await postInbound(body))).toBe('WEBHOOK_SIGNATURE_MISSING');
    expect(await errorCode(await postInbound(body, 'sha256=abc'))).toBe('WEBHOOK_SIGNATURE_MALFORMED');
    const wrong = await postInbound(body, signWebhookBody(JSON.stringify(body), 'not-the-secret'));
    expect(wrong.status).toBe(401);
    expect(await errorCode(wrong)).toBe('WEBHOOK_SIGNATURE_MISMATCH');
  });

  it('the Twilio webhooks refuse a missing or wrong X-Twilio-Signature', async () => {
    for (const path of ['/api/telephony/twilio/voice', '/api/telephony/twilio/status']) {
      for (const signature of [undefined, 'bm90IGEgc2lnbmF0dXJl']) {
        const response = await api(path, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === undefined ? {} : { 'x-twilio-signature': signature }) },
          body: 'CallSid=CA123&From=%2B14155550134&To=%2B14155550100&CallStatus=ringing',
        });
        expect(response.status).toBe(403);
      }
    }
  });

  it('the uninstall notice refuses missing or wrong client credentials and keeps the account', async () => {
    const notice = JSON.stringify({ client_id: 'caller-integration-client', company_id: companyId, user_id: agentId, timestamp: new Date().toISOString() });
    for (const authorization of [undefined, `Basic ${Buffer.from('caller-integration-client:wrong').toString('base64')}`, 'Bearer x']) {
      const response = await api('/api/auth/callback', {
        method: 'DELETE',
        headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
        body: notice,
      });
      expect(response.status).toBe(401);
    }
    expect((await api('/api/me', { headers: { cookie: await sessionCookieFor(agentId) } })).status).toBe(200);
  });

  it('accepts the uninstall notice with the right credentials whatever its Content-Type (Pipedrive does not document it)', async () => {
    const cookie = await sessionCookieFor(colleagueId);
    const response = await api('/api/auth/callback', {
      method: 'DELETE',
      headers: { authorization: `Basic ${Buffer.from(`caller-integration-client:${CLIENT_SECRET}`).toString('base64')}`, 'content-type': 'text/plain' },
      body: JSON.stringify({ client_id: 'caller-integration-client', company_id: companyId, user_id: colleagueId, timestamp: new Date().toISOString() }),
    });
    expect(response.status).toBe(204);
    expect(await errorCode(await api('/api/me', { headers: { cookie } }))).toMatch(/^ACCOUNT_/);
  });
});
