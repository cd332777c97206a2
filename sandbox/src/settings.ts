/** Settings that test controls may change while the sandbox runs. */
export interface RateLimitSettings {
  /** Requests per user per rolling window (Pipedrive's OAuth default on the lowest plan: 80 per 2 s). */
  burstLimit: number;
  /** Search endpoints have their own, lower limit on every plan: 10 per 2 s. */
  searchBurstLimit: number;
  windowMs: number;
  /** Company-wide daily token budget; null = 30 000 × plan multiplier (1) × seats (users). */
  dailyTokenBudget: number | null;
}

export interface RuntimeSettings {
  accessTokenTtlSeconds: number;
  rotateRefreshTokens: boolean;
  latencyMs: number;
  rateLimits: RateLimitSettings;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  burstLimit: 80,
  searchBurstLimit: 10,
  windowMs: 2000,
  dailyTokenBudget: null,
};

export const DAILY_TOKENS_PER_SEAT = 30_000;
export const AUTHORIZATION_CODE_TTL_MS = 5 * 60_000;
/** Refresh tokens lapse after 60 days without use; each use restarts the window. */
export const REFRESH_TOKEN_IDLE_MS = 60 * 86_400_000;

export const DEFAULT_SCOPES = ['base', 'deals:full', 'activities:full', 'contacts:full', 'search:read', 'phone-integration'] as const;
