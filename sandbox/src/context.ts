import type { SandboxStore } from './store/sandbox-store';

export type { SandboxStore } from './store/sandbox-store';
export type * from './store/types';

/** The app registered in the sandbox (what Pipedrive's Developer Hub holds for a real app). */
export interface ResolvedAppRegistration {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  floatingWindowUrl: string;
  /** Secret the floating-window `token` JWT is signed with (HS256); defaults to the client secret. */
  jwtSecret: string;
  name: string;
}

/** Options after defaults were applied and the server is listening. */
export interface ResolvedSandboxOptions {
  host: string;
  port: number;
  /** Where the sandbox listens, e.g. `http://127.0.0.1:3100` (also the OAuth `api_domain`). */
  baseUrl: string;
  app: ResolvedAppRegistration;
  accessTokenTtlSeconds: number;
  rotateRefreshTokens: boolean;
  testControls: boolean;
  personCount: number;
  latencyMs: number;
  /** Granted OAuth scopes, comma-separated as Pipedrive returns them. */
  scope: string;
}

/**
 * Everything the UI host (sandbox/src/ui) gets from the core. Kept small and stable.
 * `options` reflects runtime changes made through `/__sandbox/config` (e.g. latencyMs).
 */
export interface SandboxContext {
  readonly options: ResolvedSandboxOptions;
  readonly store: SandboxStore;
  /** True while the user holds a live grant (installed and not revoked/uninstalled). */
  isAppInstalled(userId: number): boolean;
  /**
   * What Pipedrive does when a user uninstalls the app: revokes that user's tokens, then sends
   * `DELETE <redirectUri>` with HTTP Basic client auth and JSON `{client_id, company_id, user_id, timestamp}`.
   * Resolves after the notice was answered (or failed: the app's answer is ignored, as in Pipedrive).
   */
  uninstallApp(input: { userId: number }): Promise<void>;
  /** URL of the OAuth consent page that installs the app, e.g. for an "Install" button. */
  authorizeUrl(input?: { state?: string }): string;
}
