import { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountRepository } from '@/adapters/db/account-repository';
import type { Database } from '@/adapters/db/database';
import { installAda, openAccounts } from '@/adapters/pipedrive/testing/installed-account-fixture';
import { createPipedriveGateway } from './pipedrive-gateway';
import { AccountUnavailableError, PipedriveError } from './pipedrive-error';
import { GRANT_REUSE_MS } from './token-manager';

const OAUTH = 'https://oauth.example.test';
const API = 'https://acme.example.test';
const KEY = { companyId: 42, userId: 7 };

interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string | undefined;
}

/** A fake HTTP layer for axios: answers from a handler and records every request. */
function fakeHttp(handler: (request: RecordedRequest) => FakeReply | Promise<FakeReply>) {
  const requests: RecordedRequest[] = [];
  const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig) => {
    const url = new URL(config.url ?? '', config.baseURL);
    for (const [name, value] of Object.entries(config.params ?? {})) url.searchParams.set(name, String(value));
    const headers = AxiosHeaders.from(config.headers);
    const request: RecordedRequest = {
      method: (config.method ?? 'get').toUpperCase(),
      url: url.toString(),
      authorization: headers.get('Authorization')?.toString(),
      body: typeof config.data === 'string' ? config.data : undefined,
    };
    requests.push(request);
    await Promise.resolve();
    const reply = await handler(request);
    const response: AxiosResponse = { data: reply.body ?? {}, status: reply.status, statusText: '', headers: reply.headers ?? {}, config };
    if (reply.status >= 200 && reply.status < 300) return response;
    throw new AxiosError(`Request failed with status code ${reply.status}`, AxiosError.ERR_BAD_RESPONSE, config, null, response);
  };
  return { adapter, requests };
}

const tokenReply = (access: string, refresh: string, expiresIn = 3600): FakeReply => ({
  status: 200,
  body: { access_token: access, refresh_token: refresh, token_type: 'bearer', expires_in: expiresIn, scope: 'base,contacts:full', api_domain: API },
});

const meReply: FakeReply = {
  status: 200,
  body: { success: true, data: { id: 7, name: 'Ada', email: 'ada@example.test', company_id: 42, company_name: 'Acme', company_domain: 'acme' } },
};

describe('Pipedrive gateway: tokens and retries', () => {
  let database: Database;
  let accounts: AccountRepository;
  let now: number;
  let sleeps: number[];

  beforeEach(async () => {
    ({ database, accounts } = await openAccounts());
    now = 1_700_000_000_000;
    sleeps = [];
  });
  afterEach(async () => database.close());

  const install = (accessTokenExpiresInMs: number) => installAda(accounts, { key: KEY, apiDomain: API, accessTokenExpiresAt: now + accessTokenExpiresInMs });

  function gateway(adapter: AxiosAdapter) {
    return createPipedriveGateway({
      oauthUrl: OAUTH,
      clientId: 'client-id',
      clientSecret: 'client-secret',
      redirectUri: 'https://app.example.test/api/auth/callback',
      accounts,
      logger: pino({ level: 'silent' }),
      adapter,
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
  }

  it('uses a valid token without refreshing', async () => {
    await install(60 * 60 * 1000);
    const http = fakeHttp(() => meReply);
    await expect(gateway(http.adapter).getCurrentUser(KEY)).resolves.toMatchObject({ id: 7, companyId: 42, companyName: 'Acme' });
    expect(http.requests.map((r) => r.url)).toEqual([`${API}/api/v1/users/me`]);
    expect(http.requests[0]?.authorization).toBe('Bearer access-1');
  });

  it('reuses a fresh token for a few seconds, then reads the account again (a refresh elsewhere is seen)', async () => {
    await install(60 * 60 * 1000);
    const http = fakeHttp(() => meReply);
    const client = gateway(http.adapter);
    await client.getCurrentUser(KEY);
    const stored = await accounts.findWithTokens(KEY);
    const saved = await accounts.saveRefreshedTokens(KEY, stored?.tokenVersion ?? 0, {
      tokens: { accessToken: 'access-2', refreshToken: 'refresh-1', accessTokenExpiresAt: now + 60 * 60 * 1000 },
      apiDomain: API,
    });
    expect(saved).toBeTruthy();
    await client.getCurrentUser(KEY);
    now += GRANT_REUSE_MS + 1;
    await client.getCurrentUser(KEY);
    expect(http.requests.map((r) => r.authorization)).toEqual(['Bearer access-1', 'Bearer access-1', 'Bearer access-2']);
  });

  it('reads admin rights from is_admin or access[].admin (users/me)', async () => {
    await install(60 * 60 * 1000);
    const data = meReply.body as { data: Record<string, unknown> };
    const reply = (extra: Record<string, unknown>): FakeReply => ({ status: 200, body: { success: true, data: { ...data.data, ...extra } } });
    const answers = [reply({}), reply({ is_admin: true }), reply({ is_admin: 1 }), reply({ is_admin: 0 }), reply({ access: [{ app: 'sales', admin: false }, { app: 'global', admin: true }] }), reply({ access: [{ app: 'sales', admin: false }] })];
    const http = fakeHttp(() => answers.shift() as FakeReply);
    const client = gateway(http.adapter);
    const admins = [];
    for (let i = 0; i < 6; i++) admins.push((await client.getCurrentUser(KEY)).isAdmin);
    expect(admins).toEqual([false, true, true, false, true, false]);
  });

  it('refreshes shortly before expiry, with HTTP Basic and a form body, then calls the API with the new token', async () => {
    await install(2 * 60 * 1000);
    const http = fakeHttp((request) => (request.url.startsWith(OAUTH) ? tokenReply('access-2', 'refresh-1') : meReply));
    await gateway(http.adapter).getCurrentUser(KEY);
    const [refresh, me] = http.requests;
    expect(refresh?.url).toBe(`${OAUTH}/oauth/token`);
    expect(refresh?.authorization).toBe(`Basic ${Buffer.from('client-id:client-secret').toString('base64')}`);
    expect(new URLSearchParams(refresh?.body)).toEqual(new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'refresh-1' }));
    expect(me?.authorization).toBe('Bearer access-2');
    expect((await accounts.findWithTokens(KEY))?.tokens?.accessToken).toBe('access-2');
  });

  it('on a 401 refreshes once and retries once', async () => {
    await install(60 * 60 * 1000);
    const http = fakeHttp((request) => {
      if (request.url.startsWith(OAUTH)) return tokenReply('access-2', 'refresh-1');
      return request.authorization === 'Bearer access-1' ? { status: 401, body: { success: false, error: 'unauthorized access' } } : meReply;
    });
    await expect(gateway(http.adapter).getCurrentUser(KEY)).resolves.toMatchObject({ id: 7 });
    expect(http.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['GET /api/v1/users/me', 'POST /oauth/token', 'GET /api/v1/users/me']);
  });

  it('gives up after one refresh when Pipedrive keeps answering 401', async () => {
    await install(60 * 60 * 1000);
    const http = fakeHttp((request) => (request.url.startsWith(OAUTH) ? tokenReply('access-2', 'refresh-1') : { status: 401 }));
    const error = await gateway(http.adapter).getCurrentUser(KEY).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PipedriveError);
    expect(error).toMatchObject({ kind: 'auth', status: 401, retryable: false });
    expect(http.requests.filter((r) => r.url.startsWith(OAUTH))).toHaveLength(1);
  });

  it('refreshes once for many concurrent calls (single flight)', async () => {
    await install(-1000);
    let release: () => void = () => undefined;
    const refreshGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const http = fakeHttp(async (request) => {
      if (request.url.startsWith(OAUTH)) {
        await refreshGate;
        return tokenReply('access-2', 'refresh-1');
      }
      return meReply;
    });
    const client = gateway(http.adapter);
    const calls = Array.from({ length: 5 }, () => client.getCurrentUser(KEY));
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await Promise.all(calls);
    expect(http.requests.filter((r) => r.url.startsWith(OAUTH))).toHaveLength(1);
    expect(http.requests.filter((r) => r.url.startsWith(API)).every((r) => r.authorization === 'Bearer access-2')).toBe(true);
  });

  it('stores a rotated refresh token and uses it next time', async () => {
    await install(-1000);
    let refreshes = 0;
    const http = fakeHttp((request) => {
      if (!request.url.startsWith(OAUTH)) return meReply;
      refreshes += 1;
      return refreshes === 1 ? tokenReply('access-2', 'refresh-2', 60) : tokenReply('access-3', 'refresh-3');
    });
    const client = gateway(http.adapter);
    await client.getCurrentUser(KEY);
    expect((await accounts.findWithTokens(KEY))?.tokens?.refreshToken).toBe('refresh-2');
    await client.getCurrentUser(KEY); // access-2 expires within the refresh margin
    const refreshBodies = http.requests.filter((r) => r.url.startsWith(OAUTH)).map((r) => new URLSearchParams(r.body).get('refresh_token'));
    expect(refreshBodies).toEqual(['refresh-1', 'refresh-2']);
    expect((await accounts.findWithTokens(KEY))?.tokens).toMatchObject({ accessToken: 'access-3', refreshToken: 'refresh-3' });
  });

  it('marks the account disconnected when the refresh token is rejected (invalid_grant)', async () => {
    await install(-1000);
    const http = fakeHttp(() => ({ status: 400, body: { success: false, error: 'invalid_grant', error_description: 'Invalid grant: refresh_token is invalid' } }));
    const error = await gateway(http.adapter).getCurrentUser(KEY).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AccountUnavailableError);
    expect(await accounts.find(KEY)).toMatchObject({ status: 'disconnected' });
    expect((await accounts.findWithTokens(KEY))?.tokens).toBeNull();
  });

  it('does not disconnect on a refresh failure that is not invalid_grant', async () => {
    await install(-1000);
    const http = fakeHttp(() => ({ status: 503 }));
    const error = await gateway(http.adapter).getCurrentUser(KEY).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, retryable: true });
    expect(await accounts.find(KEY)).toMatchObject({ status: 'connected' });
  });

  it('waits as asked by a 429 and retries an idempotent read', async () => {
    await install(60 * 60 * 1000);
    let calls = 0;
    const http = fakeHttp(() => {
      calls += 1;
      return calls === 1 ? { status: 429, headers: { 'x-ratelimit-reset': '2' } } : meReply;
    });
    await gateway(http.adapter).getCurrentUser(KEY);
    expect(sleeps).toEqual([2000]);
    expect(calls).toBe(2);
  });

  it('honours Retry-After over x-ratelimit-reset and stops after the attempt budget', async () => {
    await install(60 * 60 * 1000);
    const http = fakeHttp(() => ({ status: 429, headers: { 'retry-after': '1', 'x-ratelimit-reset': '2' } }));
    const error = await gateway(http.adapter).getCurrentUser(KEY).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 1000 });
    expect(sleeps).toEqual([1000, 1000]);
    expect(http.requests).toHaveLength(3);
  });

  it('retries reads on 5xx with back-off but never retries writes', async () => {
    await install(60 * 60 * 1000);
    const http = fakeHttp((request) => (request.method === 'GET' && http.requests.length >= 3 ? meReply : { status: 502 }));
    const client = gateway(http.adapter);
    await expect(client.getCurrentUser(KEY)).resolves.toMatchObject({ id: 7 });
    expect(sleeps).toHaveLength(2);
    const before = http.requests.length;
    await expect(client.addNote(KEY, { content: 'hello', person_id: 1 })).rejects.toMatchObject({ kind: 'unavailable' });
    expect(http.requests.length - before).toBe(1);
  });

  it('classifies errors by status', async () => {
    await install(60 * 60 * 1000);
    const statuses: Record<number, string> = { 400: 'validation', 403: 'auth', 404: 'not_found', 410: 'not_found', 422: 'validation' };
    for (const [status, kind] of Object.entries(statuses)) {
      const http = fakeHttp(() => ({ status: Number(status) }));
      await expect(gateway(http.adapter).getPerson(KEY, 1)).rejects.toMatchObject({ kind, status: Number(status), retryable: false });
    }
  });

  it('refuses to call Pipedrive for a user who never installed the app', async () => {
    const http = fakeHttp(() => meReply);
    await expect(gateway(http.adapter).getCurrentUser(KEY)).rejects.toBeInstanceOf(AccountUnavailableError);
    expect(http.requests).toHaveLength(0);
  });
});
