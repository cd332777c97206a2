import { brandWriteFailure } from '@/application/outbox/pipedrive-writer.port';
import type { AxiosError } from 'axios';

export type PipedriveErrorKind = 'auth' | 'not_found' | 'rate_limited' | 'validation' | 'unavailable';

const PIPEDRIVE_ERROR_BRAND = Symbol.for('caller.pipedrive-error');
const ACCOUNT_UNAVAILABLE_BRAND = Symbol.for('caller.account-unavailable-error');

/**
 * Next bundles pages and API routes with their own copy of this module, while the gateway runs
 * from server.ts' copy: a plain `instanceof` would fail across that boundary. The brand makes
 * `instanceof` (and `is`) work whichever copy created the error.
 */
function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/**
 * Any failure talking to Pipedrive, classified so callers decide what to do from `kind` and
 * `retryable` alone. `message` never contains tokens or request bodies.
 */
export class PipedriveError extends Error {
  readonly [PIPEDRIVE_ERROR_BRAND] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, PIPEDRIVE_ERROR_BRAND);
  }
  readonly kind: PipedriveErrorKind;
  /** Upstream HTTP status; 0 when no response arrived (network error, timeout). */
  readonly status: number;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  /** OAuth error code when the OAuth server named one, e.g. `invalid_grant`. */
  readonly code: string | undefined;
  /** For a write: the answer does not prove it failed, so it may have landed (see `answerProvesFailure`). */
  readonly outcomeUnknown: boolean;

  constructor(input: {
    kind: PipedriveErrorKind;
    status: number;
    message: string;
    retryable?: boolean;
    retryAfterMs?: number;
    code?: string;
    outcomeUnknown?: boolean;
    cause?: unknown;
  }) {
    super(input.message, { cause: input.cause });
    this.name = 'PipedriveError';
    this.kind = input.kind;
    this.status = input.status;
    this.retryable = input.retryable ?? (input.kind === 'rate_limited' || input.kind === 'unavailable');
    this.retryAfterMs = input.retryAfterMs;
    this.code = input.code;
    this.outcomeUnknown = input.outcomeUnknown ?? input.status === 0;
    // What the outbox worker reads to decide retries (the port's typed failure).
    brandWriteFailure(this);
  }
}

/** The user has no usable Pipedrive grant: never installed, uninstalled, or the grant was revoked. */
export class AccountUnavailableError extends Error {
  readonly [ACCOUNT_UNAVAILABLE_BRAND] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, ACCOUNT_UNAVAILABLE_BRAND);
  }
  constructor(readonly reason: 'not_installed' | 'disconnected') {
    super(reason === 'not_installed' ? 'the app is not installed for this Pipedrive user' : 'the Pipedrive authorization was revoked or has lapsed');
    this.name = 'AccountUnavailableError';
  }
}

export function kindForStatus(status: number): PipedriveErrorKind {
  if (status === 401 || status === 402 || status === 403) return 'auth';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500 || status === 0) return 'unavailable';
  return 'validation';
}

/** Reads `Retry-After` (seconds or HTTP date), else `x-ratelimit-reset` (seconds until the window resets). */
export function retryAfterFromHeaders(headers: Record<string, unknown>, now = Date.now()): number | undefined {
  const header = (name: string) => {
    const value = headers[name] ?? headers[name.toLowerCase()];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
  const retryAfter = header('retry-after');
  if (retryAfter !== undefined) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = header('x-ratelimit-reset');
  if (reset !== undefined && /^\d+(\.\d+)?$/.test(reset)) return Math.ceil(Number(reset) * 1000);
  return undefined;
}

function upstreamMessage(data: unknown): string | undefined {
  if (data && typeof data === 'object') {
    const body = data as Record<string, unknown>;
    for (const key of ['error_description', 'error', 'message']) {
      if (typeof body[key] === 'string') return (body[key] as string).slice(0, 300);
    }
  }
  return undefined;
}

function oauthErrorCode(data: unknown): string | undefined {
  if (data && typeof data === 'object') {
    const body = data as Record<string, unknown>;
    if (typeof body.error === 'string' && /^[a-z_]+$/.test(body.error)) return body.error;
    const text = [body.error, body.message, body.error_description].filter((v) => typeof v === 'string').join(' ');
    // Pipedrive words it "Invalid grant: refresh_token is invalid".
    if (/invalid[ _]grant/i.test(text)) return 'invalid_grant';
  }
  return undefined;
}

/**
 * Only Pipedrive itself refusing the request (a 4xx in its JSON error envelope, `success: false`)
 * proves a write did not happen. No answer, any 5xx (its own or a gateway's), or a page that is
 * not Pipedrive's JSON (a load balancer's 502/504 HTML) may come after the record was stored.
 */
export function answerProvesFailure(status: number, body: unknown): boolean {
  const isPipedriveErrorBody = typeof body === 'object' && body !== null && (body as Record<string, unknown>).success === false;
  return status >= 400 && status < 500 && isPipedriveErrorBody;
}

export function toPipedriveError(error: unknown, what: string): PipedriveError {
  if (error instanceof PipedriveError) return error;
  const axiosError = error as AxiosError;
  const response = axiosError?.response;
  if (!response) {
    return new PipedriveError({ kind: 'unavailable', status: 0, message: `${what}: no response from Pipedrive (${axiosError?.code ?? 'network error'})`, cause: error });
  }
  const kind = kindForStatus(response.status);
  const headers = (response.headers ?? {}) as Record<string, unknown>;
  return new PipedriveError({
    kind,
    status: response.status,
    message: `${what}: Pipedrive answered ${response.status}${upstreamMessage(response.data) ? ` (${upstreamMessage(response.data)})` : ''}`,
    retryAfterMs: kind === 'rate_limited' ? retryAfterFromHeaders(headers) : undefined,
    code: oauthErrorCode(response.data),
    outcomeUnknown: !answerProvesFailure(response.status, response.data),
  });
}
