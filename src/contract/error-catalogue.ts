/**
 * Every error code the app answers with, on HTTP routes, webhooks and socket acknowledgements, and
 * its HTTP status and default message: one table, so an unknown code is a compile error. The body
 * is always `{ error: { code, message } }` (`ErrorBody`). A message may be made more precise where
 * the error is raised (e.g. which field is invalid); the status never changes.
 *
 * Plain data, no imports: the window may import the `ErrorCode` type without shipping anything.
 */
export const ERROR_CATALOGUE = {
  // Requests
  NOT_FOUND: { status: 404, message: 'There is no such API route.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This route does not accept this method.' },
  INVALID_REQUEST: { status: 400, message: 'The request is not valid.' },
  INVALID_JSON: { status: 400, message: 'The body is not valid JSON.' },
  BODY_TOO_LARGE: { status: 413, message: 'The body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as JSON (Content-Type: application/json).' },
  CROSS_ORIGIN_REQUEST: { status: 403, message: 'This request must come from the app itself.' },
  INVALID_WINDOW_ID: { status: 400, message: 'X-Window-Id must be 1 to 100 letters, digits, "-" or "_".' },
  INVALID_CURSOR: { status: 400, message: 'The cursor is not valid; start from the first page.' },
  SEARCH_TERM_TOO_SHORT: { status: 400, message: 'The search term is too short.' },
  INVALID_PAYLOAD: { status: 400, message: 'The event payload is not valid.' },

  // Identity and account
  SESSION_REQUIRED: { status: 401, message: 'Open the app from Pipedrive to start a session.' },
  SESSION_EXPIRED: { status: 401, message: 'The session has expired. Renew it with POST /api/session.' },
  TOKEN_REQUIRED: { status: 401, message: 'Send a signed Pipedrive token in the X-Pipedrive-Token header.' },
  TOKEN_EXPIRED: { status: 401, message: 'The Pipedrive token has expired. Get a fresh one.' },
  TOKEN_INVALID: { status: 401, message: 'The Pipedrive token is not valid.' },
  UNAUTHORIZED: { status: 401, message: 'Client credentials required.' },
  ACCOUNT_NOT_INSTALLED: { status: 403, message: 'Install the app in Pipedrive to use it.' },
  ACCOUNT_DISCONNECTED: { status: 403, message: 'The Pipedrive connection was revoked. Re-authorize the app.' },
  ADMIN_REQUIRED: { status: 403, message: 'Only Pipedrive admins of the company can change its call settings.' },
  ORIGIN_NOT_ALLOWED: { status: 403, message: 'This origin may not open a socket.' },
  HANDSHAKE_INVALID: { status: 400, message: 'The socket handshake is not valid.' },
  CONTROL_CENTER_TOKEN_INVALID: { status: 401, message: 'The Control Center token is not valid.' },

  // Pipedrive (upstream failures; messages never carry upstream details)
  PIPEDRIVE_AUTH_FAILED: { status: 502, message: 'Pipedrive refused the request. Re-authorize the app if this persists.' },
  PIPEDRIVE_NOT_FOUND: { status: 404, message: 'Pipedrive does not know this item (it may have been deleted).' },
  PIPEDRIVE_RATE_LIMITED: { status: 429, message: 'Pipedrive is rate-limiting requests. Try again shortly.' },
  PIPEDRIVE_REJECTED: { status: 422, message: 'Pipedrive rejected the request.' },
  PIPEDRIVE_UNAVAILABLE: { status: 503, message: 'Pipedrive is not reachable right now. Try again shortly.' },

  // Calls (the call use cases' failures, see CALL_FAILURE_CODES in src/server/http/calls.ts)
  CALL_NOT_FOUND: { status: 404, message: 'There is no such call.' },
  CALL_NOT_YOURS: { status: 403, message: 'Another agent holds this call.' },
  CALL_NUMBER_INVALID: { status: 400, message: 'This is not a phone number we can dial.' },
  CALL_AGENT_BUSY: { status: 409, message: 'You are already on a call.' },
  CALL_NOT_RINGING: { status: 409, message: 'The call is no longer ringing.' },
  CALL_NOTHING_TO_HANG_UP: { status: 409, message: 'The call is already over.' },
  CALL_ALREADY_ANSWERED: { status: 409, message: 'The call was answered elsewhere.' },
  CALL_INVALID_TRANSITION: { status: 409, message: 'The call cannot do that in its current state.' },
  CALL_TELEPHONY_FAILED: { status: 502, message: 'The phone provider could not place the call.' },
  ROUTING_NOT_RINGING_FOR_AGENT: { status: 409, message: 'The call does not ring for you.' },
  ROUTING_AGENT_NOT_FOUND: { status: 409, message: 'That agent is not online.' },
  WRAP_UP_CONTACT_NAME_REQUIRED: { status: 400, message: 'Give the new contact a name.' },
  WRAP_UP_CALL_MISMATCH: { status: 409, message: 'The wrap-up is for another call.' },
  WRAP_UP_CALL_NOT_ENDED: { status: 409, message: 'The call is still going.' },
  WRAP_UP_ALREADY_DONE: { status: 409, message: 'The call was already wrapped up.' },
  WRAP_UP_NOT_SUBMITTED: { status: 409, message: 'Submit the wrap-up first.' },

  // Call recordings (PUT /api/calls/:id/recording)
  RECORDING_NOT_ENABLED: { status: 409, message: 'The company does not record calls (Settings → Record calls).' },
  RECORDING_CALL_NOT_ENDED: { status: 409, message: 'The call is still going: send its recording once it ended.' },
  RECORDING_ALREADY_STORED: { status: 409, message: 'This call already has a recording.' },
  RECORDING_EMPTY: { status: 400, message: 'The recording is empty.' },
  RECORDING_UNSUPPORTED_TYPE: { status: 415, message: 'Send the recording as audio/webm or audio/ogg (a codecs parameter may follow).' },

  // Telephony webhooks
  WEBHOOK_NOT_CONFIGURED: { status: 503, message: 'Set TELEPHONY_WEBHOOK_SECRET to accept provider webhooks.' },
  WEBHOOK_SIGNATURE_MISSING: { status: 401, message: 'The X-Signature header is missing.' },
  WEBHOOK_SIGNATURE_MALFORMED: { status: 401, message: 'The X-Signature header is malformed.' },
  WEBHOOK_SIGNATURE_MISMATCH: { status: 401, message: 'The X-Signature header does not sign this body.' },
  WEBHOOK_BODY_TOO_LARGE: { status: 400, message: 'The webhook body is too large.' },
  WEBHOOK_BODY_NOT_JSON: { status: 400, message: 'The webhook body is not JSON.' },
  WEBHOOK_BODY_INVALID: { status: 400, message: 'The webhook body is not valid.' },
  WEBHOOK_COMPANY_UNKNOWN: { status: 400, message: 'No installed company takes calls to this number.' },
  TWILIO_NOT_CONFIGURED: { status: 503, message: 'Set TWILIO_AUTH_TOKEN to accept Twilio webhooks.' },

  // Real calls over SIP (docs/REAL-CALLS.md)
  SIP_PROVIDER_NOT_SELECTED: { status: 409, message: 'The company uses another telephony provider, not SIP.' },
  SIP_NOT_CONFIGURED: { status: 409, message: 'An admin has to set the SIP WebSocket URL and domain in Settings.' },
  SIP_ACCOUNT_MISSING: { status: 404, message: 'Save your SIP account in Settings first.' },
  NOT_YOUR_CALL: { status: 409, message: 'This call is neither yours nor ringing for you.' },

  // Control Center (simulated inbound calls)
  COMPANY_NOT_INSTALLED: { status: 404, message: 'No installed company has this id.' },
  COMPANY_REQUIRED: { status: 400, message: 'Pick the company.' },
  NO_COMPANY_INSTALLED: { status: 409, message: 'Install the app in Pipedrive first.' },
  AGENT_NOT_FOUND: { status: 404, message: 'No installed user has this id or email: give the company too.' },

  // This instance
  SHUTTING_DOWN: { status: 503, message: 'This instance is shutting down.' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database is not reachable.' },
  REDIS_UNAVAILABLE: { status: 503, message: 'Redis is not reachable.' },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { readonly status: number; readonly message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** What a failed request, webhook or socket acknowledgement carries. */
export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
}

/** `{ code, message }` with the catalogue's message unless a more precise one is given. */
export function errorBody(code: ErrorCode, message?: string): ErrorBody {
  return { code, message: message ?? ERROR_CATALOGUE[code].message };
}
