/**
 * The security headers on every kind of answer the app serves (pages, static assets, API routes,
 * probes, not-found), in sandbox mode: only Pipedrive and the sandbox may frame the app. Chromium
 * enforcing them is tests/e2e/framing-and-xss.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/app-harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ env: { SANDBOX_MODE: '1' } });
});

afterAll(async () => {
  await harness?.close();
});

const get = (path: string) => fetch(`${harness.appUrl}${path}`, { redirect: 'manual' });
const directive = (csp: string | null, name: string) => (csp ?? '').split('; ').find((part) => part.startsWith(`${name} `));
const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(directive(csp, 'script-src') ?? '')?.[1];

describe('security headers', () => {
  it.each(['/', '/admin', '/api/me', '/api/contacts?limit=x', '/api/health', '/api/ready', '/api/auth/login', '/favicon.svg', '/api/no-such-route', '/no-such-page'])(
    '%s carries the CSP (framed by Pipedrive and the sandbox only), nosniff and Referrer-Policy, and no X-Frame-Options',
    async (path) => {
      const response = await get(path);
      const csp = response.headers.get('content-security-policy');
      expect(directive(csp, 'frame-ancestors')).toBe(`frame-ancestors https://*.pipedrive.com ${new URL(harness.sandbox.url).origin}`);
      expect(directive(csp, 'default-src')).toBe("default-src 'self'");
      expect(directive(csp, 'script-src')).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'$/);
      // The softphone reaches the company's PBX: secure WebSockets anywhere, plain ones on loopback only.
      expect(directive(csp, 'connect-src')).toBe("connect-src 'self' wss: ws://127.0.0.1:* ws://localhost:* ws://[::1]:*");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBeNull();
    },
  );

  it('gives each page a fresh script nonce and puts it on every script of the page', async () => {
    const [first, second] = await Promise.all([get('/'), get('/')]);
    const nonce = nonceOf(first.headers.get('content-security-policy'));
    expect(nonce).toBeDefined();
    expect(nonceOf(second.headers.get('content-security-policy'))).not.toBe(nonce);
    const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(1);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });

  it('serves static assets with the headers too', async () => {
    const html = await (await get('/')).text();
    const asset = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const response = await get(asset as string);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(directive(response.headers.get('content-security-policy'), 'frame-ancestors')).toContain('https://*.pipedrive.com');
  });

  it('keeps the OAuth pages (top-level only) unframeable', async () => {
    const response = await get('/api/auth/callback?error=access_denied');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(directive(response.headers.get('content-security-policy'), 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
