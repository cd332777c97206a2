import { hkdfSync, randomBytes } from 'node:crypto';
import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import { readCookie, serializeCookie } from './cookies';

export const SESSION_COOKIE_NAME = 'caller_session';
export const OAUTH_STATE_COOKIE_NAME = 'caller_oauth_state';
const OAUTH_STATE_TTL_SECONDS = 600;

/** What the session cookie holds, sealed (encrypted and authenticated): no token, nothing readable. */
export interface SessionClaims {
  companyId: number;
  userId: number;
  issuedAt: number;
  expiresAt: number;
}

const sessionClaimsSchema = z.object({
  companyId: z.number().int().positive(),
  userId: z.number().int().positive(),
  issuedAt: z.number().int(),
  expiresAt: z.number().int(),
});

const oauthStateSchema = z.object({ state: z.string().min(16), createdAt: z.number().int() });

export type SessionReadResult =
  | { ok: true; session: SessionClaims }
  | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

export interface SessionSealer {
  /** A `Set-Cookie` value holding the sealed session; lives as long as `expiresAt` allows. */
  createSessionCookie(identity: { companyId: number; userId: number }, expiresAt: number): Promise<string>;
  readSessionCookie(cookieHeader: string | undefined): Promise<SessionReadResult>;
  clearSessionCookie(): string;
  /** A fresh random OAuth `state` and the short-lived top-level cookie binding it to this browser. */
  createOAuthState(): Promise<{ state: string; cookie: string }>;
  /** `present` tells whether the browser sent a state cookie at all; `state` is null when it is unusable. */
  readOAuthState(cookieHeader: string | undefined): Promise<{ present: boolean; state: string | null }>;
  clearOAuthStateCookie(): string;
}

export interface SessionSealerOptions {
  sessionSecret: string;
  now?: () => number;
}

/**
 * Seals cookies with iron-session (AES-256-CBC + HMAC-SHA256). The password is derived from
 * SESSION_SECRET with HKDF so the cookie key differs from the token-encryption key.
 * Expiry is checked here (iron-session's own ttl is off) to tell an expired session from a forged one.
 */
export function createSessionSealer({ sessionSecret, now = Date.now }: SessionSealerOptions): SessionSealer {
  const password = Buffer.from(hkdfSync('sha256', sessionSecret, 'pipedrive-caller/session-cookie', 'iron:v1', 32)).toString('hex');
  const seal = (data: object) => sealData(data, { password, ttl: 0 });
  const unseal = async (sealed: string): Promise<unknown> => {
    try {
      return await unsealData<unknown>(sealed, { password, ttl: 0 });
    } catch {
      return null;
    }
  };
  const sessionCookie = (value: string, maxAgeSeconds: number) =>
    serializeCookie(SESSION_COOKIE_NAME, value, { path: '/', maxAgeSeconds, httpOnly: true, secure: true, sameSite: 'None', partitioned: true });
  // The OAuth round trip is a top-level navigation on the app's own site, so Lax is enough.
  const stateCookie = (value: string, maxAgeSeconds: number) =>
    serializeCookie(OAUTH_STATE_COOKIE_NAME, value, { path: '/api/auth', maxAgeSeconds, httpOnly: true, secure: true, sameSite: 'Lax' });

  return {
    async createSessionCookie(identity, expiresAt) {
      const issuedAt = now();
      const claims: SessionClaims = { companyId: identity.companyId, userId: identity.userId, issuedAt, expiresAt };
      return sessionCookie(await seal(claims), Math.floor((expiresAt - issuedAt) / 1000));
    },
    async readSessionCookie(cookieHeader) {
      const sealed = readCookie(cookieHeader, SESSION_COOKIE_NAME);
      if (!sealed) return { ok: false, reason: 'missing' };
      const parsed = sessionClaimsSchema.safeParse(await unseal(sealed));
      if (!parsed.success) return { ok: false, reason: 'invalid' };
      if (parsed.data.expiresAt <= now()) return { ok: false, reason: 'expired' };
      return { ok: true, session: parsed.data };
    },
    clearSessionCookie: () => sessionCookie('', 0),
    async createOAuthState() {
      const state = randomBytes(24).toString('base64url');
      return { state, cookie: stateCookie(await seal({ state, createdAt: now() }), OAUTH_STATE_TTL_SECONDS) };
    },
    async readOAuthState(cookieHeader) {
      const sealed = readCookie(cookieHeader, OAUTH_STATE_COOKIE_NAME);
      if (sealed === undefined) return { present: false, state: null };
      const parsed = oauthStateSchema.safeParse(await unseal(sealed));
      if (!parsed.success) return { present: true, state: null };
      if (now() - parsed.data.createdAt > OAUTH_STATE_TTL_SECONDS * 1000) return { present: true, state: null };
      return { present: true, state: parsed.data.state };
    },
    clearOAuthStateCookie: () => stateCookie('', 0),
  };
}
