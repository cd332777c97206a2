import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { frameUrl, installUrl } from '../src/ui/floating-window';
import { IFRAME_TOKEN_TTL_SECONDS, iframeTokenSecret, signIframeToken } from '../src/ui/token';

const secret = 'jwt-secret-for-tests';
const key = new TextEncoder().encode(secret);

describe('iframe token', () => {
  it('is an HS256 JWT with userId, companyId, iat and exp = iat + 5 minutes', async () => {
    const token = await signIframeToken({ userId: 7, companyId: 42, secret, nowSeconds: 1_700_000_000 });
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      currentDate: new Date(1_700_000_010 * 1000),
    });
    expect(payload).toEqual({ userId: 7, companyId: 42, iat: 1_700_000_000, exp: 1_700_000_300 });
    expect(IFRAME_TOKEN_TTL_SECONDS).toBe(300);
  });

  it('is rejected once the 5 minutes are over', async () => {
    const token = await signIframeToken({ userId: 1, companyId: 2, secret, nowSeconds: 1_700_000_000 });
    await expect(
      jwtVerify(token, key, { algorithms: ['HS256'], currentDate: new Date((1_700_000_300 + 1) * 1000) }),
    ).rejects.toThrow(/exp/);
  });

  it('does not verify with another secret', async () => {
    const token = await signIframeToken({ userId: 1, companyId: 2, secret });
    await expect(jwtVerify(token, new TextEncoder().encode('other'), { algorithms: ['HS256'] })).rejects.toThrow();
  });

  it('uses the JWT secret, or the client secret when none is registered', () => {
    expect(iframeTokenSecret({ jwtSecret: 'jwt', clientSecret: 'client' })).toBe('jwt');
    expect(iframeTokenSecret({ jwtSecret: '', clientSecret: 'client' })).toBe('client');
    expect(iframeTokenSecret({ clientSecret: 'client' })).toBe('client');
  });
});

describe('iframe URL', () => {
  it('adds id, userId, companyId, token and theme to the registered URL, keeping its own query', () => {
    const url = new URL(
      frameUrl('http://localhost:3000/caller?embed=1', { id: 'abc', userId: 3, companyId: 9, token: 't.o.k', theme: 'dark' }),
    );
    expect(url.origin + url.pathname).toBe('http://localhost:3000/caller');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      embed: '1',
      id: 'abc',
      userId: '3',
      companyId: '9',
      token: 't.o.k',
      theme: 'dark',
    });
  });

  it('installs through the app origin /api/auth/login', () => {
    expect(installUrl('http://localhost:3000/some/window')).toBe('http://localhost:3000/api/auth/login');
  });
});
