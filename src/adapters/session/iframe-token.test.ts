import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { parsePipedriveId, verifyIframeToken } from './iframe-token';

const SECRET = 'the-app-jwt-secret-used-by-pipedrive';
const key = new TextEncoder().encode(SECRET);
const nowSeconds = () => Math.floor(Date.now() / 1000);

function sign(claims: Record<string, unknown>, options: { alg?: string; secret?: Uint8Array; exp?: number | null } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'HS256' }).setIssuedAt();
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? nowSeconds() + 300);
  return jwt.sign(options.secret ?? key);
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verifyIframeToken', () => {
  it('accepts an HS256 token signed with the JWT secret and reads numeric or string ids', async () => {
    const result = await verifyIframeToken(await sign({ userId: 7, companyId: '42' }), { secret: SECRET });
    expect(result).toEqual({ ok: true, identity: { userId: 7, companyId: 42, expiresAt: expect.any(Number) } });
  });

  it('reports a missing token', async () => {
    expect(await verifyIframeToken(undefined, { secret: SECRET })).toEqual({ ok: false, reason: 'missing' });
    expect(await verifyIframeToken('', { secret: SECRET })).toEqual({ ok: false, reason: 'missing' });
  });

  it('rejects an expired token as expired (beyond the clock tolerance)', async () => {
    const token = await sign({ userId: 7, companyId: 42 }, { exp: nowSeconds() - 120 });
    expect(await verifyIframeToken(token, { secret: SECRET, clockToleranceSeconds: 30 })).toEqual({ ok: false, reason: 'expired' });
  });

  it('tolerates a small clock skew', async () => {
    const token = await sign({ userId: 7, companyId: 42 }, { exp: nowSeconds() - 5 });
    expect((await verifyIframeToken(token, { secret: SECRET, clockToleranceSeconds: 30 })).ok).toBe(true);
  });

  it('rejects a token issued in the future beyond the clock tolerance, and accepts one within it', async () => {
    const issuedAt = async (iat: number) =>
      new SignJWT({ userId: 7, companyId: 42 }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(iat).setExpirationTime(iat + 300).sign(key);
    expect(await verifyIframeToken(await issuedAt(nowSeconds() + 120), { secret: SECRET, clockToleranceSeconds: 30 })).toEqual({ ok: false, reason: 'invalid' });
    expect((await verifyIframeToken(await issuedAt(nowSeconds() + 10), { secret: SECRET, clockToleranceSeconds: 30 })).ok).toBe(true);
  });

  it('rejects a token signed with another key', async () => {
    const token = await sign({ userId: 7, companyId: 42 }, { secret: new TextEncoder().encode('someone-else-s-secret-entirely') });
    expect(await verifyIframeToken(token, { secret: SECRET })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('rejects alg none', async () => {
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ userId: 7, companyId: 42, exp: nowSeconds() + 300 })}.`;
    expect(await verifyIframeToken(token, { secret: SECRET })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('rejects HS512 even with the right secret', async () => {
    const token = await sign({ userId: 7, companyId: 42 }, { alg: 'HS512' });
    expect(await verifyIframeToken(token, { secret: SECRET })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('rejects RS256', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ userId: 7, companyId: 42 }).setProtectedHeader({ alg: 'RS256' }).setExpirationTime('5m').sign(privateKey);
    expect(await verifyIframeToken(token, { secret: SECRET })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('requires exp', async () => {
    const token = await sign({ userId: 7, companyId: 42 }, { exp: null });
    expect(await verifyIframeToken(token, { secret: SECRET })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('requires userId and companyId claims that are ids', async () => {
    expect(await verifyIframeToken(await sign({ companyId: 42 }), { secret: SECRET })).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyIframeToken(await sign({ userId: 'seven', companyId: 42 }), { secret: SECRET })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses query ids that disagree with the signed claims', async () => {
    const token = await sign({ userId: 7, companyId: 42 });
    expect(await verifyIframeToken(token, { secret: SECRET, expected: { userId: '8', companyId: '42' } })).toEqual({ ok: false, reason: 'mismatch' });
    expect(await verifyIframeToken(token, { secret: SECRET, expected: { userId: '7', companyId: '43' } })).toEqual({ ok: false, reason: 'mismatch' });
    expect(await verifyIframeToken(token, { secret: SECRET, expected: { userId: '' } })).toEqual({ ok: false, reason: 'mismatch' });
    expect((await verifyIframeToken(token, { secret: SECRET, expected: { userId: '7', companyId: '42' } })).ok).toBe(true);
  });
});

describe('parsePipedriveId', () => {
  it.each([
    [7, 7],
    ['7', 7],
    ['007', null],
    [0, null],
    [-1, null],
    [1.5, null],
    ['7a', null],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(parsePipedriveId(input)).toBe(expected);
  });
});
