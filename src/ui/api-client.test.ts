import { describe, expect, it, vi } from 'vitest';
import { ServerRequestError, createApiClient, readTokenExpiry, TOKEN_HEADER, type AccountState } from './api-client';

const CONTACTS_PAGE = { items: [], nextCursor: null };

interface Call {
  method: string;
  path: string;
  token: string | null;
}

function json(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

const sessionError = (code: string) => json(401, { error: { code, message: code } });

/** A fake server: `handle` answers each request; every call is recorded. */
function fakeServer(handle: (call: Call, index: number) => Response) {
  const calls: Call[] = [];
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const call = { method: init?.method ?? 'GET', path: String(input), token: headers.get(TOKEN_HEADER) };
    calls.push(call);
    return handle(call, calls.length - 1);
  });
  return { calls, fetch: fetchFn as unknown as typeof fetch };
}

function fakeSdkTokens() {
  let issued = 0;
  return {
    getSignedToken: vi.fn(async () => `token-${++issued}`),
  };
}

describe('api client session renewal', () => {
  it('passes through a successful request without asking Pipedrive for a token', async () => {
    const server = fakeServer(() => json(200, CONTACTS_PAGE));
    const sdk = fakeSdkTokens();
    const api = createApiClient({ fetch: server.fetch, getSignedToken: sdk.getSignedToken });

    await expect(api.listContacts({ limit: 50 })).resolves.toEqual(CONTACTS_PAGE);
    expect(server.calls).toEqual([{ method: 'GET', path: '/api/contacts?limit=50', token: null }]);
    expect(sdk.getSignedToken).not.toHaveBeenCalled();
  });

  it('renews an expired session with a signed token and retries once', async () => {
    let hasSession = false;
    const server = fakeServer((call) => {
      if (call.path === '/api/session') {
        hasSession = call.token === 'token-1';
        return json(204, null);
      }
      return hasSession ? json(200, CONTACTS_PAGE) : sessionError('SESSION_EXPIRED');
    });
    const api = createApiClient({ fetch: server.fetch, getSignedToken: fakeSdkTokens().getSignedToken });

    await expect(api.listContacts({})).resolves.toEqual(CONTACTS_PAGE);
    expect(server.calls.map((c) => `${c.method} ${c.path} ${c.token}`)).toEqual([
      'GET /api/contacts null',
      'POST /api/session token-1',
      'GET /api/contacts null',
    ]);
    expect(api.getAuthMode()).toBe('cookie');
  });

  it('retries only once: a second SESSION_EXPIRED after renewal is an error', async () => {
    const server = fakeServer((call) => (call.path === '/api/session' ? json(204, null) : sessionError('SESSION_EXPIRED')));
    const api = createApiClient({ fetch: server.fetch, getSignedToken: fakeSdkTokens().getSignedToken });

    await expect(api.listContacts({})).rejects.toMatchObject({ status: 401, code: 'SESSION_EXPIRED' });
    expect(server.calls).toHaveLength(3);
  });

  it('switches to the token header when the renewed cookie does not come back (blocked cookies)', async () => {
    const server = fakeServer((call) => {
      if (call.path === '/api/session') return json(204, null);
      return call.token ? json(200, CONTACTS_PAGE) : sessionError('SESSION_REQUIRED');
    });
    const api = createApiClient({ fetch: server.fetch, getSignedToken: fakeSdkTokens().getSignedToken });

    await api.listContacts({});
    expect(api.getAuthMode()).toBe('header');
    expect(server.calls.map((c) => `${c.method} ${c.path} ${c.token}`)).toEqual([
      'GET /api/contacts null',
      'POST /api/session token-1',
      'GET /api/contacts null',
      'GET /api/contacts token-1',
    ]);

    // From now on every request carries the token and no session renewal happens.
    await api.searchContacts('ann');
    expect(server.calls.at(-1)).toEqual({ method: 'GET', path: '/api/contacts/search?term=ann', token: 'token-1' });
    expect(server.calls.filter((c) => c.path === '/api/session')).toHaveLength(1);
  });

  it('shares one renewal between concurrent requests', async () => {
    let hasSession = false;
    const server = fakeServer((call) => {
      if (call.path === '/api/session') {
        hasSession = true;
        return json(204, null);
      }
      return hasSession ? json(200, CONTACTS_PAGE) : sessionError('SESSION_EXPIRED');
    });
    const api = createApiClient({ fetch: server.fetch, getSignedToken: fakeSdkTokens().getSignedToken });

    await Promise.all([api.listContacts({}), api.searchContacts('bo')]);
    expect(server.calls.filter((c) => c.path === '/api/session')).toHaveLength(1);
  });

  it('renews with a brand-new token when the reused one expired in flight', async () => {
    let hasSession = false;
    const server = fakeServer((call) => {
      if (call.path === '/api/session') {
        if (call.token === 'token-1') return json(401, { error: { code: 'TOKEN_EXPIRED', message: 'expired' } });
        hasSession = true;
        return json(204, null);
      }
      return hasSession ? json(200, CONTACTS_PAGE) : sessionError('SESSION_EXPIRED');
    });
    const api = createApiClient({ fetch: server.fetch, getSignedToken: fakeSdkTokens().getSignedToken });

    await expect(api.listContacts({})).resolves.toEqual(CONTACTS_PAGE);
    expect(server.calls.filter((c) => c.path === '/api/session').map((c) => c.token)).toEqual(['token-1', 'token-2']);
  });

  it('asks for a new token when the header token expired (header mode)', async () => {
    const expired = new Set<string>();
    const server = fakeServer((call) => {
      if (call.path === '/api/session') return json(204, null);
      if (!call.token) return sessionError('SESSION_REQUIRED');
      return expired.has(call.token) ? sessionError('SESSION_EXPIRED') : json(200, CONTACTS_PAGE);
    });
    // A token without a readable expiry is reused for a minute; the server says otherwise.
    const api = createApiClient({ fetch: server.fetch, getSignedToken: fakeSdkTokens().getSignedToken });
    await api.listContacts({});
    expect(api.getAuthMode()).toBe('header');

    expired.add('token-1');
    await expect(api.listContacts({})).resolves.toEqual(CONTACTS_PAGE);
    expect(server.calls.map((c) => c.token)).toEqual([null, 'token-1', null, 'token-1', 'token-1', 'token-2']);
  });

  it('enters the reconnect state on 403 ACCOUNT_DISCONNECTED and leaves it on the next success', async () => {
    let isConnected = false;
    const server = fakeServer(() =>
      isConnected ? json(200, CONTACTS_PAGE) : json(403, { error: { code: 'ACCOUNT_DISCONNECTED', message: 'gone' } }),
    );
    const api = createApiClient({ fetch: server.fetch, getSignedToken: fakeSdkTokens().getSignedToken });
    const states: AccountState[] = [];
    api.onAccountStateChange((state) => states.push(state));

    await expect(api.listContacts({})).rejects.toMatchObject({ status: 403, code: 'ACCOUNT_DISCONNECTED' });
    expect(api.getAccountState()).toBe('reconnect-required');

    isConnected = true;
    await api.listContacts({});
    expect(states).toEqual(['reconnect-required', 'connected']);
  });

  it('enters the reconnect state when the session renewal itself says ACCOUNT_NOT_INSTALLED', async () => {
    const server = fakeServer((call) =>
      call.path === '/api/session'
        ? json(403, { error: { code: 'ACCOUNT_NOT_INSTALLED', message: 'install first' } })
        : sessionError('SESSION_REQUIRED'),
    );
    const api = createApiClient({ fetch: server.fetch, getSignedToken: fakeSdkTokens().getSignedToken });

    await expect(api.me()).rejects.toMatchObject({ code: 'ACCOUNT_NOT_INSTALLED' });
    expect(api.getAccountState()).toBe('reconnect-required');
  });

  it('reports Pipedrive as unreachable when no signed token can be had', async () => {
    const server = fakeServer(() => sessionError('SESSION_EXPIRED'));
    const api = createApiClient({ fetch: server.fetch, getSignedToken: () => Promise.reject(new Error('no host')) });

    await expect(api.listContacts({})).rejects.toMatchObject({ code: 'PIPEDRIVE_UNREACHABLE' });
    expect(server.calls).toHaveLength(1);
  });

  it('turns network failures into ServerRequestError NETWORK_ERROR', async () => {
    const api = createApiClient({
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
      getSignedToken: fakeSdkTokens().getSignedToken,
    });
    const error = await api.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerRequestError);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('reuses a signed token until a minute before it expires', async () => {
    const server = fakeServer(() => json(200, CONTACTS_PAGE));
    const exp = 1_000_000;
    const header = btoa(JSON.stringify({ alg: 'HS256' }));
    const token = `${header}.${btoa(JSON.stringify({ exp }))}.sig`;
    const getSignedToken = vi.fn(async () => token);
    let now = exp * 1000 - 120_000;
    const api = createApiClient({ fetch: server.fetch, getSignedToken, now: () => now });

    await api.signedToken();
    await api.signedToken();
    expect(getSignedToken).toHaveBeenCalledTimes(1);
    now = exp * 1000 - 30_000;
    await api.signedToken();
    expect(getSignedToken).toHaveBeenCalledTimes(2);
  });
});

describe('readTokenExpiry', () => {
  it('reads exp from a base64url JWT payload and tolerates garbage', () => {
    const payload = btoa(JSON.stringify({ exp: 42, userId: 1 })).replace(/=+$/, '');
    expect(readTokenExpiry(`a.${payload}.c`)).toBe(42);
    expect(readTokenExpiry('not-a-jwt')).toBeNull();
    expect(readTokenExpiry('a.%%%.c')).toBeNull();
  });
});

describe('api client window identity', () => {
  it('sends the same window id on every request, so the server can tell this tab from the others', async () => {
    const seen: (string | null)[] = [];
    const fetchFn = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get('X-Window-Id'));
      return json(200, CONTACTS_PAGE);
    }) as typeof fetch;
    const api = createApiClient({ fetch: fetchFn, getSignedToken: fakeSdkTokens().getSignedToken });

    await api.listContacts({ limit: 1 });
    await api.listContacts({ limit: 2 });
    expect(seen[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]).toBe(seen[0]);
  });
});
