import { AccountUnavailableError, PipedriveError, type PipedriveErrorKind } from '@/adapters/pipedrive/pipedrive-error';
import { isTelephonyRouteError } from '@/adapters/telephony/plugin';
import { ERROR_CATALOGUE, type ErrorCode } from '@/contract/error-catalogue';

const HTTP_ERROR_BRAND = Symbol.for('caller.http-error');

/**
 * An error a route answers as `{ error: { code, message } }`, with the status the catalogue
 * (src/contract/error-catalogue.ts) gives its code.
 */
export class HttpError extends Error {
  readonly [HTTP_ERROR_BRAND] = true;
  readonly status: number;
  // Branded like PipedriveError: pages and API routes are bundled separately by Next.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[HTTP_ERROR_BRAND] === true;
  }
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CATALOGUE[code].message,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = ERROR_CATALOGUE[code].status;
  }
}

export interface ErrorResponse {
  status: number;
  code: ErrorCode;
  message: string;
  headers: Record<string, string>;
}

function response(code: ErrorCode, headers: Record<string, string> = {}): ErrorResponse {
  return { status: ERROR_CATALOGUE[code].status, code, message: ERROR_CATALOGUE[code].message, headers };
}

/** Upstream failures by kind. Messages never carry upstream details. */
const PIPEDRIVE_ERRORS: Record<PipedriveErrorKind, ErrorCode> = {
  auth: 'PIPEDRIVE_AUTH_FAILED',
  not_found: 'PIPEDRIVE_NOT_FOUND',
  rate_limited: 'PIPEDRIVE_RATE_LIMITED',
  validation: 'PIPEDRIVE_REJECTED',
  unavailable: 'PIPEDRIVE_UNAVAILABLE',
};

/** The one mapping from anything a route throws to what the browser sees. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message, headers: error.headers };
  if (isTelephonyRouteError(error)) return { status: error.status, code: error.code, message: error.message, headers: {} };
  if (error instanceof AccountUnavailableError) return response(error.reason === 'not_installed' ? 'ACCOUNT_NOT_INSTALLED' : 'ACCOUNT_DISCONNECTED');
  if (error instanceof PipedriveError) {
    const headers: Record<string, string> =
      error.kind === 'rate_limited' && error.retryAfterMs !== undefined ? { 'Retry-After': String(Math.ceil(error.retryAfterMs / 1000)) } : {};
    return response(PIPEDRIVE_ERRORS[error.kind], headers);
  }
  return response('INTERNAL_ERROR');
}
