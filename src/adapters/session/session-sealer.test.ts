import { describe, expect, it } from 'vitest';
import { OAUTH_STATE_COOKIE_NAME, SESSION_COOKIE_NAME, createSessionSealer } from './session-sealer';

const SECRET = 'a-session-secret-that-is-long-enough-123456';

function cookieValue(setCookie: string): string {
  return setCookie.split(';')[0] as string;
}

describe('session sealer', () => {
  it('sets a sealed, HttpOnly, Secure, SameSite=None, Partitioned cookie that lives until the token expires', async () => {
    let now = 1_000_000;
    const sealer = createSessionSealer({ sessionSecret: SECRET, now: () => now });
    const setCookie = await sealer.createSessionCookie({ companyId: 42, userId: 7 }, now + 3_600_000);
    expect(setCookie.startsWith(`${SESSION_COOKIE_NAME}=`)).toBe(true);
    const attributes = setCookie.split('; ').slice(1);
    expect(attributes).toEqual(expect.arrayContaining(['Path=/', 'Max-Age=3600', 'HttpOnly', 'Secure', 'SameSite=None', 'Partitioned']));
    // Nothing readable: the ids do not appear in clear.
    expect(decodeURIComponent(cookieValue(setCookie))).not.toMatch(/companyId|userId/);

    const read = await sealer.readSessionCookie(cookieValue(setCookie));
    expect(read).toEqual({ ok: true, session: { companyId: 42, userId: 7, issuedAt: 1_000_000, expiresAt: 1_000_000 + 3_600_000 } });
    now += 3_600_001;
    expect(await sealer.readSessionCookie(cookieValue(setCookie))).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects a tampered cookie', async () => {
    const sealer = createSessionSealer({ sessionSecret: SECRET });
    const value = cookieValue(await sealer.createSessionCookie({ companyId: 42, userId: 7 }, Date.now() + 60_000));
    const sealed = decodeURIComponent(value.slice(SESSION_COOKIE_NAME.length + 1));
    const index = Math.floor(sealed.length / 2);
    const tampered = sealed.slice(0, index) + (sealed[index] === 'A' ? 'B' : 'A') + sealed.slice(index + 1);
    expect(await sealer.readSessionCookie(`${SESSION_COOKIE_NAME}=${encodeURIComponent(tampered)}`)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('rejects a cookie sealed with another secret, and a forged plain cookie', async () => {
    const other = createSessionSealer({ sessionSecret: 'another-session-secret-that-is-long-enough' });
    const value = cookieValue(await other.createSessionCookie({ companyId: 42, userId: 7 }, Date.now() + 60_000));
    const sealer = createSessionSealer({ sessionSecret: SECRET });
    expect(await sealer.readSessionCookie(value)).toEqual({ ok: false, reason: 'invalid' });
    const forged = encodeURIComponent(JSON.stringify({ companyId: 42, userId: 7, issuedAt: 0, expiresAt: Date.now() + 60_000 }));
    expect(await sealer.readSessionCookie(`${SESSION_COOKIE_NAME}=${forged}`)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reports a missing cookie', async () => {
    const sealer = createSessionSealer({ sessionSecret: SECRET });
    expect(await sealer.readSessionCookie(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(await sealer.readSessionCookie('other=1')).toEqual({ ok: false, reason: 'missing' });
  });

  it('clears the session cookie with the same attributes', () => {
    const cleared = createSessionSealer({ sessionSecret: SECRET }).clearSessionCookie();
    expect(cleared).toContain('Max-Age=0');
    expect(cleared).toContain('Partitioned');
  });

  it('binds the OAuth state to a short-lived Lax cookie', async () => {
    let now = 5_000;
    const sealer = createSessionSealer({ sessionSecret: SECRET, now: () => now });
    const { state, cookie } = await sealer.createOAuthState();
    expect(cookie.startsWith(`${OAUTH_STATE_COOKIE_NAME}=`)).toBe(true);
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('HttpOnly');
    expect(decodeURIComponent(cookie)).not.toContain(state);
    expect(await sealer.readOAuthState(cookieValue(cookie))).toEqual({ present: true, state });
    expect(await sealer.readOAuthState(undefined)).toEqual({ present: false, state: null });
    now += 11 * 60 * 1000;
    expect(await sealer.readOAuthState(cookieValue(cookie))).toEqual({ present: true, state: null });
  });
});
