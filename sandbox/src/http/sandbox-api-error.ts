/**
 * One catalog of the errors the sandbox answers on /api/*, in Pipedrive's error envelope
 * `{ success: false, error, error_info, data: null, additional_data: null }`.
 */
export const ERROR_INFO = 'Please check developers.pipedrive.com';

/** An error the sandbox answers in Pipedrive's envelope (not the app's `HttpError`). */
export class SandboxApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(error);
  }
}

export const apiErrors = {
  /** Missing, unknown, expired or revoked access token. Body as observed on live Pipedrive (errorCode included). */
  unauthorized: () => new SandboxApiError(401, 'unauthorized access', { errorCode: 401 }),
  malformedAuthorization: () => new SandboxApiError(400, 'Invalid request: malformed authorization header', { errorCode: 400 }),
  /** The grant's scopes do not cover the endpoint. */
  scopeMismatch: () => new SandboxApiError(403, 'Scope and URL mismatch', { errorCode: 403 }),
  forbidden: (message: string) => new SandboxApiError(403, message),
  unknownEndpoint: () => new SandboxApiError(404, 'Unknown method .'),
  methodNotAllowed: () => new SandboxApiError(405, 'Method not allowed'),
  notFound: (entity: string) => new SandboxApiError(404, `${entity} not found`),
  badRequest: (message: string) => new SandboxApiError(400, message),
  /** Retired v1 endpoints that have a v2 replacement. */
  retired: (replacement: string) =>
    new SandboxApiError(410, `This endpoint has been retired. Use ${replacement} instead.`),
  unsupportedMediaType: () => new SandboxApiError(415, 'Unsupported content type. Send JSON with Content-Type: application/json.'),
  payloadTooLarge: () => new SandboxApiError(413, 'Request body too large'),
  rateLimited: (headers: Record<string, string>) =>
    new SandboxApiError(429, 'Request over limit', { errorCode: 429 }, headers),
  dailyBudgetExhausted: (headers: Record<string, string>) =>
    new SandboxApiError(429, 'Daily API token budget exceeded', { errorCode: 429 }, headers),
  injected: (status: number) => new SandboxApiError(status, status === 503 ? 'Service unavailable' : 'Internal server error'),
  internal: () => new SandboxApiError(500, 'Internal server error'),
} as const;
