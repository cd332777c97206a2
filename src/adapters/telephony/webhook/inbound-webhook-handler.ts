import type { ReceiveInboundCallInput, ReceiveInboundCallResult } from '@/application/calls/receive-inbound-call';
import { MAX_INBOUND_WEBHOOK_BYTES, parseInboundWebhookBody, type InboundWebhookBody } from './inbound-webhook.schema';
import { verifyWebhookSignature } from './webhook-signature';

export interface InboundWebhookRequest {
  /** The exact bytes received. */
  readonly rawBody: string | Uint8Array;
  /** The `X-Signature` header. */
  readonly signature: string | readonly string[] | undefined;
}

export interface InboundWebhookDeps {
  /** TELEPHONY_WEBHOOK_SECRET; null refuses every webhook. */
  readonly secret: string | null;
  /**
   * The company the call is for: by the number dialled (`to`), or the only installed company in
   * sandbox mode. Undefined answers 400 WEBHOOK_COMPANY_UNKNOWN.
   */
  readonly resolveCompanyId: (body: InboundWebhookBody) => Promise<number | undefined>;
  readonly receiveInboundCall: (input: ReceiveInboundCallInput) => Promise<ReceiveInboundCallResult>;
}

export type InboundWebhookResponse =
  | { readonly status: 202; readonly body: { readonly callId: string; readonly result: ReceiveInboundCallResult['kind'] } }
  | { readonly status: 400 | 401; readonly body: { readonly error: { readonly code: string; readonly message: string } } };

/**
 * `POST /api/telephony/inbound`, framework-free: the API route passes the raw body and header and
 * sends back `status` and `body` as JSON. The signature is checked before the body is parsed.
 */
export async function handleInboundWebhook(deps: InboundWebhookDeps, request: InboundWebhookRequest): Promise<InboundWebhookResponse> {
  const size = typeof request.rawBody === 'string' ? Buffer.byteLength(request.rawBody, 'utf8') : request.rawBody.byteLength;
  if (size > MAX_INBOUND_WEBHOOK_BYTES) return failure(400, 'WEBHOOK_BODY_TOO_LARGE', `body exceeds ${MAX_INBOUND_WEBHOOK_BYTES} bytes`);
  if (deps.secret === null) return failure(401, 'WEBHOOK_NOT_CONFIGURED', 'TELEPHONY_WEBHOOK_SECRET is not set');
  const signature = verifyWebhookSignature(request.rawBody, request.signature, deps.secret);
  if (!signature.ok) return failure(401, signature.error.code, 'the X-Signature header does not sign this body');
  const parsed = parseInboundWebhookBody(request.rawBody);
  if (!parsed.ok) return failure(400, parsed.error.code, parsed.error.message);
  const companyId = await deps.resolveCompanyId(parsed.body);
  if (companyId === undefined) return failure(400, 'WEBHOOK_COMPANY_UNKNOWN', 'no installed company takes calls to this number');
  const { from, to, agent, callId } = parsed.body;
  const result = await deps.receiveInboundCall({ companyId, from, to, agent, providerCallId: callId, source: 'webhook' });
  return { status: 202, body: { callId: result.call.id, result: result.kind } };
}

function failure(status: 400 | 401, code: string, message: string): InboundWebhookResponse {
  return { status, body: { error: { code, message } } };
}
