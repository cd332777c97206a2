import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

const directive = (csp: string, name: string) => csp.split('; ').find((part) => part.startsWith(`${name} `));

describe('securityHeaders', () => {
  it('lets only Pipedrive frame the app outside sandbox mode, and runs only its own scripts with this nonce', () => {
    const headers = securityHeaders({ development: false, sandboxOrigin: null }, 'abc123');
    const csp = headers['Content-Security-Policy'] as string;
    expect(directive(csp, 'frame-ancestors')).toBe('frame-ancestors https://*.pipedrive.com');
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'nonce-abc123'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(Object.keys(headers)).not.toContain('X-Frame-Options');
  });

  it('adds the sandbox origin in sandbox mode only', () => {
    const csp = securityHeaders({ development: false, sandboxOrigin: 'http://127.0.0.1:3100' }, 'n')['Content-Security-Policy'] as string;
    expect(directive(csp, 'frame-ancestors')).toBe('frame-ancestors https://*.pipedrive.com http://127.0.0.1:3100');
  });

  it("allows eval and inline scripts only for Next's development mode", () => {
    const csp = securityHeaders({ development: true, sandboxOrigin: null }, 'n')['Content-Security-Policy'] as string;
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'unsafe-eval' 'unsafe-inline'");
  });
});
