import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { GrantSnapshot, PersistedAccessToken, PersistedGrant } from '../persistence/state-snapshot';
import { AUTHORIZATION_CODE_TTL_MS, REFRESH_TOKEN_IDLE_MS } from '../settings';

/**
 * One install of the app by one user: the refresh token and every access token derive from it.
 * Held in memory in the shape the state file keeps, so a snapshot is a copy, not a conversion.
 */
export type Grant = PersistedGrant;

interface AuthorizationCode {
  grantUserId: number;
  companyId: number;
  clientId: string;
  redirectUri: string;
  scope: string;
  expiresAt: number;
  used: boolean;
}

/** An access token's entry, keyed by the token itself. */
type AccessToken = Omit<PersistedAccessToken, 'token'>;

export type CodeExchangeResult =
  | { ok: true; grant: Grant }
  | { ok: false; reason: 'invalid' | 'expired' | 'redirect_mismatch' };

/** Shaped like Pipedrive's tokens: `v1u:` prefix and a long opaque body (apps must not parse them). */
function newToken(prefix: string): string {
  return `${prefix}:${randomBytes(24).toString('base64')}:${randomBytes(16).toString('base64url')}`;
}

/**
 * Authorization codes, grants and tokens, in memory. Survives `reset()` (data reseeding) on purpose.
 * Grants and tokens go to the state file (via `onChange` and `snapshot()`); codes do not: they live
 * five minutes and a restart in between is a failed install the user simply retries.
 */
export class GrantStore {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly grants = new Map<number, Grant>();
  private readonly grantsByRefreshToken = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private nextGrantId = 1;

  constructor(
    private readonly clock: Clock,
    /** Called after every change to grants or tokens. */
    private readonly onChange: () => void = () => {},
  ) {}

  /** Grants and the access tokens still worth keeping (expired or revoked ones can never be used again). */
  snapshot(): GrantSnapshot {
    const now = this.clock.now();
    const accessTokens = [...this.accessTokens]
      .filter(([, entry]) => !entry.revoked && entry.expiresAt > now)
      .map(([token, entry]) => ({ token, ...entry }));
    return { grants: [...this.grants.values()].map((grant) => ({ ...grant })), accessTokens, nextGrantId: this.nextGrantId };
  }

  restore(snapshot: GrantSnapshot): void {
    this.codes.clear();
    this.grants.clear();
    this.grantsByRefreshToken.clear();
    this.accessTokens.clear();
    for (const saved of snapshot.grants) {
      const grant: Grant = { ...saved };
      this.grants.set(grant.id, grant);
      this.grantsByRefreshToken.set(grant.refreshToken, grant);
    }
    for (const { token, ...entry } of snapshot.accessTokens) this.accessTokens.set(token, entry);
    this.nextGrantId = snapshot.nextGrantId;
  }

  issueCode(input: Omit<AuthorizationCode, 'expiresAt' | 'used'>): string {
    const code = randomBytes(20).toString('hex');
    this.codes.set(code, { ...input, expiresAt: this.clock.now() + AUTHORIZATION_CODE_TTL_MS, used: false });
    return code;
  }

  /** Single use: the code is spent even when the exchange then fails on redirect_uri. */
  exchangeCode(code: string, clientId: string, redirectUri: string): CodeExchangeResult {
    const entry = this.codes.get(code);
    if (!entry || entry.used || entry.clientId !== clientId) return { ok: false, reason: 'invalid' };
    entry.used = true;
    if (this.clock.now() > entry.expiresAt) return { ok: false, reason: 'expired' };
    if (entry.redirectUri !== redirectUri) return { ok: false, reason: 'redirect_mismatch' };
    const grant: Grant = {
      id: this.nextGrantId++, userId: entry.grantUserId, companyId: entry.companyId, clientId, scope: entry.scope,
      refreshToken: newToken('v1u'), refreshTokenLastUsedAt: this.clock.now(), revoked: false,
    };
    this.grants.set(grant.id, grant);
    this.grantsByRefreshToken.set(grant.refreshToken, grant);
    this.onChange();
    return { ok: true, grant };
  }

  /** Returns the live grant of a refresh token, or undefined when unknown, revoked, lapsed or foreign. */
  findRefreshGrant(refreshToken: string, clientId: string): Grant | undefined {
    const grant = this.grantsByRefreshToken.get(refreshToken);
    if (!grant || grant.revoked || grant.clientId !== clientId) return undefined;
    if (this.clock.now() - grant.refreshTokenLastUsedAt > REFRESH_TOKEN_IDLE_MS) return undefined;
    return grant;
  }

  /** Marks the refresh token used (restarting its idle window) and optionally rotates it. */
  useRefreshToken(grant: Grant, rotate: boolean): void {
    grant.refreshTokenLastUsedAt = this.clock.now();
    if (rotate) {
      this.grantsByRefreshToken.delete(grant.refreshToken);
      grant.refreshToken = newToken('v1u');
      this.grantsByRefreshToken.set(grant.refreshToken, grant);
    }
    this.onChange();
  }

  issueAccessToken(grant: Grant, ttlSeconds: number): string {
    const token = newToken('v1u');
    this.accessTokens.set(token, { grantId: grant.id, expiresAt: this.clock.now() + ttlSeconds * 1000, revoked: false });
    this.onChange();
    return token;
  }

  /** The grant behind a live access token. */
  authenticate(accessToken: string): Grant | undefined {
    const entry = this.accessTokens.get(accessToken);
    if (!entry || entry.revoked || this.clock.now() >= entry.expiresAt) return undefined;
    const grant = this.grants.get(entry.grantId);
    return grant && !grant.revoked ? grant : undefined;
  }

  /** RFC 7009 style: returns what was revoked; unknown tokens are not an error. */
  revokeToken(token: string, clientId: string, hint?: string): 'refresh_token' | 'access_token' | 'none' {
    const tryRefresh = (): boolean => {
      const grant = this.grantsByRefreshToken.get(token);
      if (!grant || grant.clientId !== clientId) return false;
      grant.revoked = true;
      return true;
    };
    const tryAccess = (): boolean => {
      const entry = this.accessTokens.get(token);
      const grant = entry ? this.grants.get(entry.grantId) : undefined;
      if (!entry || !grant || grant.clientId !== clientId) return false;
      entry.revoked = true;
      return true;
    };
    const revoked = hint === 'access_token'
      ? tryAccess() ? 'access_token' : tryRefresh() ? 'refresh_token' : 'none'
      : tryRefresh() ? 'refresh_token' : tryAccess() ? 'access_token' : 'none';
    if (revoked !== 'none') this.onChange();
    return revoked;
  }

  /** Revokes every grant of the user (uninstall); returns how many were live. */
  revokeUser(userId: number): number {
    let count = 0;
    for (const grant of this.grants.values()) {
      if (grant.userId === userId && !grant.revoked) {
        grant.revoked = true;
        count++;
      }
    }
    if (count > 0) this.onChange();
    return count;
  }

  hasLiveGrant(userId: number): boolean {
    for (const grant of this.grants.values()) {
      if (grant.userId === userId && !grant.revoked && this.clock.now() - grant.refreshTokenLastUsedAt <= REFRESH_TOKEN_IDLE_MS) return true;
    }
    return false;
  }

  /** Expires every access token now (test control), leaving refresh tokens valid. */
  expireAccessTokens(userId?: number): void {
    for (const entry of this.accessTokens.values()) {
      const grant = this.grants.get(entry.grantId);
      if (userId === undefined || grant?.userId === userId) entry.expiresAt = 0;
    }
    this.onChange();
  }
}
