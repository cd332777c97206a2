import { AccountUnavailableError, PipedriveError, type PipedriveErrorKind } from '@/adapters/pipedrive/pipedrive-error';
import { isTelephonyRouteError } from '@/adapters/telephony/plugin';

const API_ERROR_BRAND = Symbol.for('caller.api-error');

/** An error with a stable code that API routes answer as `{ error: { code, message } }`. */
export class ApiError extends Error {
  readonly [API_ERROR_BRAND] = true;
  // Branded like PipedriveError: pages and API routes are bundled separately by Next.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[API_ERROR_BRAND] === true;
  }
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ErrorResponse {
  status: number;
  code: string;
  message: string;
  headers: Record<string, string>;
}

/** The one table from upstream failures to what the browser sees. Messages never carry upstream details. */
const PIPEDRIVE_ERRORS: Record<PipedriveErrorKind, { status: number; code: string; message: string }> = {
  auth: { status: 502, code: 'PIPEDRIVE_AUTH_FAILED', message: 'Pipedrive refused the request. Re-authorize the app if this persists.' },
  not_found: { status: 404, code: 'PIPEDRIVE_NOT_FOUND', message: 'Pipedrive does not know this item (it may have been deleted).' },
  rate_limited: { status: 429, code: 'PIPEDRIVE_RATE_LIMITED', message: 'Pipedrive is rate-limiting requests. Try again shortly.' },
  validation: { status: 422, code: 'PIPEDRIVE_REJECTED', message: 'Pipedrive rejected the request.' },
  unavailable: { status: 503, code: 'PIPEDRIVE_UNAVAILABLE', message: 'Pipedrive is not reachable right now. Try again shortly.' },
};

export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message, headers: error.headers };
  if (isTelephonyRouteError(error)) return { status: error.status, code: error.code, message: error.message, headers: {} };
  if (error instanceof AccountUnavailableError) {
    return error.reason === 'not_installed'
      ? { status: 403, code: 'ACCOUNT_NOT_INSTALLED', message: 'Install the app in Pipedrive to use it.', headers: {} }
      : { status: 403, code: 'ACCOUNT_DISCONNECTED', message: 'The Pipedrive connection was revoked. Re-authorize the app.', headers: {} };
  }
  if (error instanceof PipedriveError) {
    const mapped = PIPEDRIVE_ERRORS[error.kind];
    const headers: Record<string, string> =
      error.kind === 'rate_limited' && error.retryAfterMs !== undefined ? { 'Retry-After': String(Math.ceil(error.retryAfterMs / 1000)) } : {};
    return { ...mapped, headers };
  }
  return { status: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side.', headers: {} };
}
