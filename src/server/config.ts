import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { telephonyProviderNameSchema, type TelephonyProviderName } from '@/adapters/telephony/provider-names';
import { sipDomainSchema, sipWebSocketUrlSchema } from '@/adapters/telephony/sip/sip-server.schema';
import { SILENT_CALL_MS } from '@/application/calls/end-silent-calls';
import { DEFAULT_CALL_SETTINGS } from '@/application/ports/company-settings.port';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface AppConfig {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly isProduction: boolean;
  readonly sandboxMode: boolean;
  readonly port: number;
  readonly appUrl: string;
  /** Origin of APP_URL: the only origin allowed to send state-changing requests. */
  readonly appOrigin: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUrl: string;
  readonly jwtSecret: string;
  readonly pipedriveOAuthUrl: string;
  readonly databaseUrl: string;
  readonly redisUrl: string | null;
  /** Prefix of every Redis channel the app uses, so stacks sharing one Redis never hear each other. */
  readonly redisPrefix: string;
  /** `websocket` when instances run behind a load balancer without sticky sessions (no polling). */
  readonly socketTransports: SocketTransports;
  readonly sessionSecret: string;
  /** Older session secrets still accepted for decryption while a rotation is under way. */
  readonly previousSessionSecrets: readonly string[];
  readonly telephonyWebhookSecret: string | null;
  readonly controlCenterToken: string | null;
  /** Twilio auth token for checking X-Twilio-Signature on the voice webhooks; null answers 503. */
  readonly twilioAuthToken: string | null;
  /** The provider of companies that did not choose one in Settings. */
  readonly telephonyProvider: TelephonyProviderName;
  /** Defaults of a company's SIP settings (SIP_WEBSOCKET_URL, SIP_DOMAIN); null when unset. */
  readonly sip: { readonly webSocketUrl: string | null; readonly domain: string | null };
  /** A live SIP call whose window reported nothing for this long is ended by the server (SIP_SILENT_CALL_MS). */
  readonly sipSilentCallMs: number;
  /** Delays of the mock provider's simulated far end (tests shorten them). */
  readonly mockTelephony: { readonly ringAfterMs: number; readonly connectAfterMs: number };
  /** How long an inbound call rings before it becomes a missed call. */
  readonly ringTimeoutMs: number;
  /** How long an ended call waits for the agent's wrap-up before the server logs it alone (WRAP_UP_GRACE_SECONDS). */
  readonly wrapUpGracePeriodMs: number;
  /** How long a Pipedrive request may take; a write without an answer by then is "outcome unknown". */
  readonly pipedriveTimeoutMs: number;
  /** The outbox's first retry delay (doubles per attempt); tests shorten it. */
  readonly outboxRetryBaseMs: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly dataDir: string;
}

/** Engine.IO transports: HTTP long-polling needs sticky sessions across instances, WebSocket does not. */
export type SocketTransports = 'websocket' | 'polling,websocket';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const httpUrl = z.url({ protocol: /^https?$/ });

/** Above the windows' 10 s report interval, with room for one late report. */
const MIN_SIP_SILENT_CALL_MS = 15_000;
const milliseconds = z.string().regex(/^\d{1,7}$/, 'must be a whole number of milliseconds').transform(Number);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SANDBOX_MODE: optionalText.pipe(z.enum(['1', 'true', '0', 'false']).optional()),
  PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a port number')
      .transform(Number)
      .refine((port) => port <= 65535, 'must be at most 65535')
      .optional(),
  ),
  APP_URL: optionalText.pipe(httpUrl.optional()),
  CLIENT_ID: optionalText,
  CLIENT_SECRET: optionalText,
  REDIRECT_URL: optionalText.pipe(httpUrl.optional()),
  JWT_SECRET: optionalText,
  PIPEDRIVE_OAUTH_URL: optionalText.pipe(httpUrl.optional()),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^(file:|postgres:\/\/|postgresql:\/\/)/, 'must start with file:, postgres:// or postgresql://')
      .optional(),
  ),
  REDIS_URL: optionalText.pipe(z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional()),
  REDIS_PREFIX: optionalText.pipe(
    z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'must be 1-64 letters, digits, or _ . : -').optional(),
  ),
  SOCKET_TRANSPORTS: optionalText.pipe(z.enum(['websocket', 'polling,websocket']).optional()),
  SESSION_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  SESSION_SECRET_PREVIOUS: optionalText,
  TELEPHONY_WEBHOOK_SECRET: optionalText,
  CONTROL_CENTER_TOKEN: optionalText,
  TWILIO_AUTH_TOKEN: optionalText,
  TELEPHONY_PROVIDER: optionalText.pipe(telephonyProviderNameSchema.optional()),
  SIP_WEBSOCKET_URL: optionalText.pipe(sipWebSocketUrlSchema.optional()),
  SIP_DOMAIN: optionalText.pipe(sipDomainSchema.optional()),
  // Windows report a live call every 10 s (ALIVE_INTERVAL_MS): a shorter window would end healthy calls.
  SIP_SILENT_CALL_MS: optionalText.pipe(
    milliseconds.refine((ms) => ms >= MIN_SIP_SILENT_CALL_MS && ms <= 600_000, `must be between ${MIN_SIP_SILENT_CALL_MS} and 600000`).optional(),
  ),
  MOCK_TELEPHONY_RING_MS: optionalText.pipe(milliseconds.optional()),
  MOCK_TELEPHONY_CONNECT_MS: optionalText.pipe(milliseconds.optional()),
  RING_TIMEOUT_SECONDS: optionalText.pipe(
    z.string().regex(/^\d{1,4}$/, 'must be a whole number of seconds').transform(Number).refine((s) => s >= 1, 'must be at least 1').optional(),
  ),
  WRAP_UP_GRACE_SECONDS: optionalText.pipe(
    z.string().regex(/^\d{1,4}$/, 'must be a whole number of seconds').transform(Number).refine((s) => s >= 5 && s <= 3600, 'must be between 5 and 3600').optional(),
  ),
  LOG_LEVEL: optionalText.pipe(z.enum(LOG_LEVELS).optional()),
  PIPEDRIVE_TIMEOUT_MS: optionalText.pipe(milliseconds.refine((ms) => ms >= 100 && ms <= 300_000, 'must be between 100 and 300000').optional()),
  OUTBOX_RETRY_BASE_MS: optionalText.pipe(milliseconds.refine((ms) => ms >= 10 && ms <= 600_000, 'must be between 10 and 600000').optional()),
});

export interface ParseConfigOptions {
  /** Directory for generated secrets and the default SQLite file. */
  dataDir?: string;
}

/**
 * Parses the environment once, at boot. Every invalid or missing variable is reported together so
 * an operator fixes them in one go. The result is frozen: nothing reads process.env afterwards.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>, options: ParseConfigOptions = {}): AppConfig {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`);
  const isSet = (name: string) => (env[name] ?? '').trim() !== '';
  const nodeEnv = parsed.success ? parsed.data.NODE_ENV : env.NODE_ENV;
  const sandboxMode = env.SANDBOX_MODE === '1' || env.SANDBOX_MODE === 'true';
  if (!isSet('CLIENT_ID')) problems.push('CLIENT_ID: required (npm start sets it in sandbox mode)');
  if (!isSet('CLIENT_SECRET')) problems.push('CLIENT_SECRET: required (npm start sets it in sandbox mode)');
  // The embedded sandbox runs the production build too, so only a real deployment must bring its own secret.
  if (nodeEnv === 'production' && !sandboxMode && !isSet('SESSION_SECRET')) {
    problems.push('SESSION_SECRET: required in production (at least 32 random characters, e.g. `openssl rand -base64 48`)');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const vars = parsed.data;
  const isProduction = vars.NODE_ENV === 'production';
  const port = vars.PORT ?? 3000;
  const appUrl = stripTrailingSlash(vars.APP_URL ?? `http://localhost:${port}`);
  const dataDir = resolve(options.dataDir ?? 'data');

  const clientSecret = vars.CLIENT_SECRET as string;
  return Object.freeze({
    nodeEnv: vars.NODE_ENV,
    isProduction,
    sandboxMode,
    port,
    appUrl,
    appOrigin: new URL(appUrl).origin,
    clientId: vars.CLIENT_ID as string,
    clientSecret,
    redirectUrl: vars.REDIRECT_URL ?? `${appUrl}/api/auth/callback`,
    jwtSecret: vars.JWT_SECRET ?? clientSecret,
    pipedriveOAuthUrl: stripTrailingSlash(vars.PIPEDRIVE_OAUTH_URL ?? 'https://oauth.pipedrive.com'),
    databaseUrl: vars.DATABASE_URL ?? `file:${join(dataDir, 'caller.sqlite')}`,
    redisUrl: vars.REDIS_URL ?? null,
    redisPrefix: vars.REDIS_PREFIX ?? 'caller',
    socketTransports: vars.SOCKET_TRANSPORTS ?? 'polling,websocket',
    sessionSecret: vars.SESSION_SECRET ?? loadOrCreateSessionSecret(dataDir),
    previousSessionSecrets: Object.freeze(
      (vars.SESSION_SECRET_PREVIOUS ?? '').split(',').map((secret) => secret.trim()).filter(Boolean),
    ),
    telephonyWebhookSecret: vars.TELEPHONY_WEBHOOK_SECRET ?? null,
    controlCenterToken: vars.CONTROL_CENTER_TOKEN ?? null,
    twilioAuthToken: vars.TWILIO_AUTH_TOKEN ?? null,
    telephonyProvider: vars.TELEPHONY_PROVIDER ?? 'mock',
    sip: Object.freeze({ webSocketUrl: vars.SIP_WEBSOCKET_URL ?? null, domain: vars.SIP_DOMAIN ?? null }),
    sipSilentCallMs: vars.SIP_SILENT_CALL_MS ?? SILENT_CALL_MS,
    mockTelephony: Object.freeze({ ringAfterMs: vars.MOCK_TELEPHONY_RING_MS ?? 100, connectAfterMs: vars.MOCK_TELEPHONY_CONNECT_MS ?? 2_000 }),
    ringTimeoutMs: (vars.RING_TIMEOUT_SECONDS ?? 30) * 1000,
    wrapUpGracePeriodMs: vars.WRAP_UP_GRACE_SECONDS === undefined ? DEFAULT_CALL_SETTINGS.wrapUpGracePeriodMs : vars.WRAP_UP_GRACE_SECONDS * 1000,
    pipedriveTimeoutMs: vars.PIPEDRIVE_TIMEOUT_MS ?? 15_000,
    outboxRetryBaseMs: vars.OUTBOX_RETRY_BASE_MS ?? 2_000,
    logLevel: vars.LOG_LEVEL ?? (vars.NODE_ENV === 'test' ? 'warn' : 'info'),
    dataDir,
  });
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Outside production the secret is generated once and kept, so sessions and stored tokens survive restarts. */
function loadOrCreateSessionSecret(dataDir: string): string {
  const path = join(dataDir, 'session-secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
