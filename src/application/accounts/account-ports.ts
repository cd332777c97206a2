/**
 * The ports the accounts use cases need. Implemented by the database and Pipedrive adapters
 * (src/adapters/db/account-repository.ts, src/adapters/pipedrive/pipedrive-oauth.ts) and the
 * socket layer (src/adapters/realtime/agent-sessions.ts); wired in src/server/accounts.ts.
 */
import type { RegionCode } from '@/domain/phone';

export interface AccountKey {
  readonly companyId: number;
  readonly userId: number;
}

/** What an OAuth install leaves: the user, their company and the grant's tokens. */
export interface InstalledAccount extends AccountKey {
  readonly name: string;
  readonly email: string;
  readonly companyName: string;
  readonly apiDomain: string;
  readonly scopes: string;
  readonly tokens: { readonly accessToken: string; readonly refreshToken: string; readonly accessTokenExpiresAt: number };
}

/** Installed accounts (the `accounts` table). */
export interface AccountRegistry {
  /** Creates or re-connects the account; bumps its token version. */
  install(account: InstalledAccount): Promise<unknown>;
  /** Deletes the tokens and marks the account disconnected; false when there was nothing to remove. */
  disconnect(key: AccountKey): Promise<boolean>;
}

/** Why Pipedrive's OAuth server did not give a grant. */
export type OAuthRefusal =
  /** The code is expired, used or forged, or the app is not authorized: the link's fault. */
  | 'code_refused'
  /** Pipedrive did not answer (or answered 5xx/429): ours to report. */
  | 'unavailable';

export type AuthorizationResult =
  | { readonly ok: true; readonly account: InstalledAccount; readonly companyCountry: string | null }
  | { readonly ok: false; readonly reason: OAuthRefusal; readonly status: number };

export type RevocationResult =
  | { readonly revoked: true }
  | { readonly revoked: false; readonly reason: 'no_tokens' | 'revoke_failed' };

/** Pipedrive's OAuth server, as far as installing and disconnecting go. */
export interface PipedriveOAuth {
  /** Exchanges the callback's code and reads who installed. */
  authorize(code: string): Promise<AuthorizationResult>;
  /** Revokes the user's grant at Pipedrive and deletes the stored tokens, even when the revocation fails. */
  revoke(key: AccountKey): Promise<RevocationResult>;
}

/** The company's default region, taken from Pipedrive's company country on the first install. */
export interface CompanyRegions {
  adoptCompanyRegion(companyId: number, region: RegionCode, by: { userId: number; at: number }): Promise<void>;
}

/** The agent's open windows: told their session ended, then disconnected. */
export interface AgentSessions {
  endSessions(key: AccountKey, reason: 'disconnected'): void;
}
