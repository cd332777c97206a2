import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

/** How much of an oversized body is still read (and dropped) so the client gets to read the 413. */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

/** Reads the request body as received (routes with `bodyParser: false`), refusing more than `limitBytes`. */
export async function readRawBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.byteLength;
    if (size > limitBytes + DRAIN_LIMIT_BYTES) break;
    if (size <= limitBytes) chunks.push(buffer);
  }
  if (size > limitBytes) throw new HttpError('BODY_TOO_LARGE', `The body exceeds ${limitBytes} bytes.`);
  return Buffer.concat(chunks);
}

function isJsonMediaType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/**
 * The JSON body of a request, read by the app rather than Next, so that every refusal (too large,
 * not JSON, malformed) answers the JSON error envelope. An empty body is `undefined`.
 */
export function parseJsonBody(raw: Buffer, contentType: string | undefined, options: { anyContentType?: boolean } = {}): unknown {
  if (raw.byteLength === 0) return undefined;
  if (options.anyContentType !== true && !isJsonMediaType(contentType)) {
    throw new HttpError('UNSUPPORTED_MEDIA_TYPE');
  }
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new HttpError('INVALID_JSON');
  }
}
