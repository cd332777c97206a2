import type { z } from 'zod';
import type { ProviderCallStatus, TelephonyProvider } from '@/application/ports/telephony-provider.port';
import { ERROR_CATALOGUE, type ErrorCode } from '@/contract/error-catalogue';

/**
 * One telephony provider, plugged in: its configuration, its side of the telephony port, its
 * webhooks under `/api/telephony/<name>/...` and how its call statuses read in our words. Every
 * provider folder (`mock/`, `webhook/`, `twilio/`, `sip/`) exports one; the registry
 * (`plugin-registry.ts`) holds them, the one catch-all API page serves their routes.
 */
export interface TelephonyPlugin<Config = unknown> {
  readonly name: string;
  /** The provider's settings, parsed from the app configuration by the registry. */
  readonly configSchema: z.ZodType<Config>;
  readonly config: Config;
  /** Places, answers, rejects and ends calls; absent for inbound-only plugins (the generic webhook). */
  readonly provider?: TelephonyProvider;
  /** Whether a provider call id is one of this provider's (calls stay with the provider that placed them). */
  ownsProviderCallId(providerCallId: string): boolean;
  /** The provider's own status words or codes → ours; undefined for words that say nothing new. */
  toProviderCallStatus(status: string | number): ProviderCallStatus | undefined;
  /** Keyed by sub-path below `/api/telephony/<name>/`; `:name` segments are parameters. */
  readonly routes: Readonly<Record<string, TelephonyRoute>>;
}

export type TelephonyHttpMethod = 'GET' | 'POST' | 'PUT';

/**
 * `provider`: a server-to-server webhook (no session, no origin check, authenticated by its
 * signature over the raw body). `window`: called by the floating window (session, CSRF and
 * `X-Window-Id` as on the call routes; JSON body).
 */
export type TelephonyCaller = 'provider' | 'window';

export interface TelephonyRoute {
  readonly caller: TelephonyCaller;
  /** Larger bodies: `window` routes answer 413; `provider` routes get `isBodyTooLarge` to answer their own way. */
  readonly maxBodyBytes: number;
  readonly methods: Partial<Record<TelephonyHttpMethod, TelephonyRouteHandler>>;
}

/** The signed-in agent calling a `window` route. */
export interface TelephonyAgent {
  readonly companyId: number;
  readonly userId: number;
  readonly name: string;
  /** The window (`X-Window-Id`). */
  readonly tabId: string;
}

export interface TelephonyHttpRequest {
  /** The sub-path's parameters (`calls/:callId/events` → `callId`). */
  readonly params: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The public URL the caller used (APP_URL + path and query): what providers sign. */
  readonly publicUrl: string;
  /** `provider` routes: the exact bytes received. */
  readonly rawBody: Buffer;
  readonly isBodyTooLarge: boolean;
  /** `window` routes: the parsed JSON body (undefined without one). */
  readonly body: unknown;
  /** `window` routes: who is calling; rejects (401/403) without a valid session. */
  agent(): Promise<TelephonyAgent>;
}

export interface TelephonyHttpResponse {
  readonly status: number;
  /** JSON unless a content type is given (Twilio wants TwiML). */
  readonly contentType?: string;
  readonly body: unknown;
}

export type TelephonyRouteHandler = (request: TelephonyHttpRequest) => Promise<TelephonyHttpResponse>;

/**
 * A refusal a route answers with the JSON error envelope; the status is the catalogue's for the
 * code (src/contract/error-catalogue.ts), the message may be made more precise.
 */
export class TelephonyRouteError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CATALOGUE[code].message,
  ) {
    super(message);
    this.name = 'TelephonyRouteError';
    this.status = ERROR_CATALOGUE[code].status;
  }
}

/**
 * Recognises a `TelephonyRouteError` by shape: Next bundles API pages apart from server.ts, where
 * the plug-ins are built, so `instanceof` would compare two copies of the class.
 */
export function isTelephonyRouteError(error: unknown): error is TelephonyRouteError {
  if (!(error instanceof Error) || error.name !== 'TelephonyRouteError') return false;
  const { code } = error as Partial<TelephonyRouteError>;
  return typeof code === 'string' && code in ERROR_CATALOGUE;
}

/** Parses a body or parameters with zod; a mismatch answers 400 INVALID_REQUEST naming each field. */
export function parseRouteInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
  throw new TelephonyRouteError('INVALID_REQUEST', message);
}

/** `ok(body)`: 200 JSON. */
export const ok = (body: unknown, status = 200): TelephonyHttpResponse => ({ status, body });
