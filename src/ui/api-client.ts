/**
 * fetch wrapper for our own API. The session cookie is short-lived and the floating window lives
 * for hours, so a 401 SESSION_* renews the session silently with a fresh signed token from
 * Pipedrive and retries once. When the renewed cookie still does not come back (third-party cookies
 * blocked, e.g. Safari), the client switches to sending the signed token on every request.
 */
import { currentWindowId, WINDOW_ID_HEADER } from './window-id';
import {
  parseContactSearchResult,
  parseContactsPage,
  parseMe,
  type ContactSearchResult,
  type ContactsPage,
  type Me,
} from './api-types';

export const TOKEN_HEADER = 'X-Pipedrive-Token';

export class ServerRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServerRequestError';
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** `cookie`: the session cookie authenticates; `header`: every request carries a signed token. */
export type AuthMode = 'cookie' | 'header';
/** `reconnect-required`: the Pipedrive account is not (or no longer) connected to the app. */
export type AccountState = 'connected' | 'reconnect-required';

const SESSION_CODES = new Set(['SESSION_REQUIRED', 'SESSION_EXPIRED']);
const RECONNECT_CODES = new Set(['ACCOUNT_NOT_INSTALLED', 'ACCOUNT_DISCONNECTED']);

export interface ApiClientOptions {
  /** Asks Pipedrive (the SDK) for a fresh signed JWT. */
  getSignedToken: () => Promise<string>;
  fetch?: typeof fetch;
  baseUrl?: string;
  now?: () => number;
}

export interface ApiClient {
  me(signal?: AbortSignal): Promise<Me>;
  listContacts(params: { cursor?: string | null; limit?: number }, signal?: AbortSignal): Promise<ContactsPage>;
  searchContacts(term: string, signal?: AbortSignal): Promise<ContactSearchResult>;
  /** Any JSON GET under `/api`, answer checked by `parse` (used by the calls API). */
  get<T>(path: string, parse: (body: unknown) => T, signal?: AbortSignal): Promise<T>;
  /** A JSON POST (state change), with the same session renewal as GETs. */
  post<T>(path: string, body: unknown, parse: (body: unknown) => T, signal?: AbortSignal): Promise<T>;
  /** A JSON PUT (replaces a resource), with the same session renewal. */
  put<T>(path: string, body: unknown, parse: (body: unknown) => T, signal?: AbortSignal): Promise<T>;
  /** A PUT of raw bytes (a call recording), sent with the blob's type as Content-Type. */
  putBlob<T>(path: string, body: Blob, parse: (body: unknown) => T, signal?: AbortSignal): Promise<T>;
  /** A signed token still valid for at least a minute (for the socket handshake). */
  signedToken(): Promise<string>;
  getAuthMode(): AuthMode;
  getAccountState(): AccountState;
  onAccountStateChange(listener: (state: AccountState) => void): () => void;
}

interface RawResponse {
  status: number;
  body: unknown;
}

/** Seconds-since-epoch `exp` of a JWT, read without verifying (the server verifies). */
export function readTokenExpiry(token: string): number | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

const TOKEN_MARGIN_MS = 60_000;
const UNKNOWN_EXPIRY_REUSE_MS = 60_000;

/** Reuses a signed token while it has more than a minute left; one SDK round trip at a time. */
export function createTokenSource(getSignedToken: () => Promise<string>, now: () => number) {
  let cached: { token: string; reuseUntil: number } | null = null;
  let pending: Promise<string> | null = null;
  return {
    async get(): Promise<string> {
      if (cached && now() < cached.reuseUntil) return cached.token;
      pending ??= getSignedToken()
        .then((token) => {
          const exp = readTokenExpiry(token);
          const reuseUntil = exp === null ? now() + UNKNOWN_EXPIRY_REUSE_MS : exp * 1000 - TOKEN_MARGIN_MS;
          cached = { token, reuseUntil };
          return token;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    invalidate(): void {
      cached = null;
    },
  };
}

function errorOf(body: unknown): { code: string | null; message: string | null } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    code: typeof error?.code === 'string' ? error.code : null,
    message: typeof error?.message === 'string' ? error.message : null,
  };
}

function isSessionProblem(response: RawResponse): boolean {
  return response.status === 401 && SESSION_CODES.has(errorOf(response.body).code ?? '');
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const baseUrl = options.baseUrl ?? '';
  const tokens = createTokenSource(options.getSignedToken, options.now ?? Date.now);
  let mode: AuthMode = 'cookie';
  let accountState: AccountState = 'connected';
  let renewing: Promise<void> | null = null;
  const accountListeners = new Set<(state: AccountState) => void>();

  function setAccountState(next: AccountState): void {
    if (next === accountState) return;
    accountState = next;
    for (const listener of accountListeners) listener(next);
  }

  async function getToken(): Promise<string> {
    try {
      return await tokens.get();
    } catch {
      throw new ServerRequestError(401, 'PIPEDRIVE_UNREACHABLE', 'Could not get a sign-in token from Pipedrive');
    }
  }

  async function send(path: string, init: RequestInit, signal?: AbortSignal): Promise<RawResponse> {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    headers.set(WINDOW_ID_HEADER, currentWindowId());
    if (mode === 'header') headers.set(TOKEN_HEADER, await getToken());
    let response: Response;
    try {
      response = await doFetch(baseUrl + path, { ...init, headers, signal, credentials: 'same-origin' });
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new ServerRequestError(0, 'NETWORK_ERROR', 'Could not reach the server');
    }
    const text = response.status === 204 ? '' : await response.text();
    let body: unknown = null;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
    }
    return { status: response.status, body };
  }

  async function renewSession(): Promise<void> {
    const post = async () =>
      send('/api/session', { method: 'POST', headers: { [TOKEN_HEADER]: await getToken() } });
    renewing ??= (async () => {
      let response = await post();
      // A reused token can expire in flight or by clock skew: one more try with a brand-new one.
      if (response.status === 401 && errorOf(response.body).code === 'TOKEN_EXPIRED') {
        tokens.invalidate();
        response = await post();
      }
      if (response.status >= 200 && response.status < 300) return;
      tokens.invalidate();
      throw toServerRequestError(response);
    })().finally(() => {
      renewing = null;
    });
    return renewing;
  }

  function toServerRequestError(response: RawResponse): ServerRequestError {
    const { code, message } = errorOf(response.body);
    if (response.status === 403 && code && RECONNECT_CODES.has(code)) setAccountState('reconnect-required');
    return new ServerRequestError(response.status, code ?? `HTTP_${response.status}`, message ?? `Request failed (${response.status})`);
  }

  async function request<T>(
    path: string,
    parse: (body: unknown) => T,
    signal?: AbortSignal,
    init: RequestInit = { method: 'GET' },
  ): Promise<T> {
    let response = await send(path, init, signal);
    if (isSessionProblem(response)) {
      if (mode === 'cookie') {
        await renewSession();
        response = await send(path, init, signal);
        // A fresh cookie that does not come back means the browser blocks it: use the header.
        if (response.status === 401 && errorOf(response.body).code === 'SESSION_REQUIRED') {
          mode = 'header';
          response = await send(path, init, signal);
        }
      } else {
        tokens.invalidate();
        response = await send(path, init, signal);
      }
    }
    if (response.status < 200 || response.status >= 300) throw toServerRequestError(response);
    setAccountState('connected');
    return parse(response.body);
  }

  return {
    me: (signal) => request('/api/me', parseMe, signal),
    listContacts({ cursor, limit }, signal) {
      const query = new URLSearchParams();
      if (cursor) query.set('cursor', cursor);
      if (limit) query.set('limit', String(limit));
      const text = query.toString();
      const suffix = text === '' ? '' : `?${text}`;
      return request(`/api/contacts${suffix}`, parseContactsPage, signal);
    },
    searchContacts(term, signal) {
      return request(`/api/contacts/search?${new URLSearchParams({ term }).toString()}`, parseContactSearchResult, signal);
    },
    get: (path, parse, signal) => request(path, parse, signal),
    post(path, body, parse, signal) {
      const init: RequestInit = {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      };
      return request(path, parse, signal, init);
    },
    put(path, body, parse, signal) {
      const init: RequestInit = { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) };
      return request(path, parse, signal, init);
    },
    putBlob(path, body, parse, signal) {
      return request(path, parse, signal, { method: 'PUT', headers: { 'Content-Type': body.type }, body });
    },
    signedToken: getToken,
    getAuthMode: () => mode,
    getAccountState: () => accountState,
    onAccountStateChange(listener) {
      accountListeners.add(listener);
      return () => accountListeners.delete(listener);
    },
  };
}
