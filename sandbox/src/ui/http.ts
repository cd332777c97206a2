import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SafeHtml } from './html';

const MAX_BODY_BYTES = 64 * 1024;

export class UiHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendHtml(res: ServerResponse, status: number, page: SafeHtml): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(page.value);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, error: UiHttpError): void {
  sendJson(res, error.status, { error: { code: error.code, message: error.message } });
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { location, 'cache-control': 'no-store', ...headers });
  res.end();
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new UiHttpError(413, 'BODY_TOO_LARGE', 'Request body is too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON actions only come from the host script: JSON content type (forces a CORS preflight) and our origin. */
export async function readJsonAction(req: IncomingMessage, hostOrigin: string): Promise<unknown> {
  assertSameOrigin(req, hostOrigin);
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    throw new UiHttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Expected application/json');
  }
  const text = await readBody(req);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UiHttpError(400, 'INVALID_JSON', 'Body is not valid JSON');
  }
}

export async function readFormAction(req: IncomingMessage, hostOrigin: string): Promise<Record<string, string>> {
  assertSameOrigin(req, hostOrigin);
  return Object.fromEntries(new URLSearchParams(await readBody(req)));
}

/** Browsers send Origin on POST; a foreign one means another site is posting to the sandbox. */
function assertSameOrigin(req: IncomingMessage, hostOrigin: string): void {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null' && origin !== hostOrigin && !isSameHostOrigin(origin, req)) {
    throw new UiHttpError(403, 'FOREIGN_ORIGIN', 'Cross-site request refused');
  }
}

/** The sandbox may be reached through another loopback name than baseUrl (localhost vs 127.0.0.1). */
function isSameHostOrigin(origin: string, req: IncomingMessage): boolean {
  const host = req.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}
