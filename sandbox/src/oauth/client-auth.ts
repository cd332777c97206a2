import type { IncomingMessage } from 'node:http';
import type { ResolvedAppRegistration } from '../context';
import { timingSafeEqual } from 'node:crypto';

export type ClientAuthResult = { ok: true } | { ok: false; message: string };

function parseBasic(header: string): { id: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Client authentication as Pipedrive documents it: HTTP Basic (preferred) or client_id/client_secret
 * in the form body (accepted, discouraged).
 */
export function authenticateClient(req: IncomingMessage, form: Record<string, string>, app: ResolvedAppRegistration): ClientAuthResult {
  const header = req.headers.authorization;
  let credentials: { id: string; secret: string } | null = null;
  if (header) credentials = parseBasic(header);
  else if (form.client_id !== undefined && form.client_secret !== undefined) credentials = { id: form.client_id, secret: form.client_secret };
  if (!credentials) return { ok: false, message: 'Invalid client: cannot retrieve client credentials' };
  if (!safeEqual(credentials.id, app.clientId) || !safeEqual(credentials.secret, app.clientSecret)) {
    return { ok: false, message: 'Invalid client: client is invalid' };
  }
  return { ok: true };
}
