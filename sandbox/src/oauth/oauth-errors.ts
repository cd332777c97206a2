import { jsonResult, type HttpResult } from '../http/result';

/**
 * OAuth token/revoke errors. Messages are Pipedrive's documented texts; the body field names
 * (`error` code + `error_description` message, RFC 6749 style) are not documented by Pipedrive.
 */
export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

export function oauthError(code: OAuthErrorCode, description: string): HttpResult {
  return jsonResult(400, { error: code, error_description: description }, { 'cache-control': 'no-store' });
}

export const OAUTH_MESSAGES = {
  notForm: 'Invalid request: content must be application/x-www-form-urlencoded',
  missingGrantType: 'Missing parameter: grant_type',
  unsupportedGrantType: 'Unsupported grant type: grant_type is invalid',
  codeInvalid: 'Invalid grant: authorization_code is invalid',
  codeExpired: 'Invalid grant: authorization_code has expired',
  refreshInvalid: 'Invalid grant: refresh_token is invalid',
  redirectInvalid: 'Invalid request: redirect_uri is invalid',
  redirectNotUri: 'Invalid request: redirect_uri is not a valid URI',
  clientInvalid: 'Invalid client: client is invalid',
} as const;
