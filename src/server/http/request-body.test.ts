import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseJsonBody, readRawBody } from './request-body';

const request = (...chunks: string[]) => Readable.from(chunks.map((chunk) => Buffer.from(chunk))) as unknown as IncomingMessage;
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return { status: (error as { status: number }).status, code: (error as { code: string }).code };
  }
  return null;
};

describe('parseJsonBody', () => {
  it('reads JSON sent as JSON (also +json types), and an empty body as undefined', () => {
    expect(parseJsonBody(Buffer.from('{"a":1}'), 'application/json; charset=utf-8')).toEqual({ a: 1 });
    expect(parseJsonBody(Buffer.from('[1]'), 'application/merge-patch+json')).toEqual([1]);
    expect(parseJsonBody(Buffer.alloc(0), undefined)).toBeUndefined();
  });

  it('refuses another content type (415) unless the route takes any, and malformed JSON (400)', () => {
    expect(refusal(() => parseJsonBody(Buffer.from('{"a":1}'), 'text/plain'))).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(refusal(() => parseJsonBody(Buffer.from('{"a":1}'), undefined))).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(parseJsonBody(Buffer.from('{"a":1}'), 'text/plain', { anyContentType: true })).toEqual({ a: 1 });
    expect(refusal(() => parseJsonBody(Buffer.from('{"a":'), 'application/json'))).toEqual({ status: 400, code: 'INVALID_JSON' });
  });

  it('keeps a __proto__ key as plain data', () => {
    const parsed = parseJsonBody(Buffer.from('{"__proto__":{"polluted":true}}'), 'application/json') as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });
});

describe('readRawBody', () => {
  it('reads the body up to the limit, and refuses more with 413', async () => {
    expect((await readRawBody(request('ab', 'cd'), 4)).toString()).toBe('abcd');
    await expect(readRawBody(request('ab', 'cde'), 4)).rejects.toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
  });
});
