import type { IncomingMessage } from 'node:http';

const MAX_BODY_BYTES = 1_000_000;

export class BodyTooLargeError extends Error {}

/** Reads the whole request body (bounded). */
export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBodyBytes(req, MAX_BODY_BYTES)).toString('utf8');
}

/** Reads the whole request body as bytes, refusing more than `limit`. */
export async function readBodyBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new BodyTooLargeError('body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** The largest multipart body (a call recording) the sandbox takes; Pipedrive documents none. */
export const MAX_MULTIPART_BYTES = 50 * 1024 * 1024;

/** A multipart/form-data body, parsed by the platform (undici's `Response.formData()`). */
export async function readMultipart(req: IncomingMessage): Promise<FormData> {
  const bytes = await readBodyBytes(req, MAX_MULTIPART_BYTES);
  return new Response(new Uint8Array(bytes), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
}

export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

export function parseForm(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) out[key] = value;
  return out;
}

export function parseCookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      out[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      out[name] = part.slice(eq + 1).trim();
    }
  }
  return out;
}
