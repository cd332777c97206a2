import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where Pipedrive's web app runs (PIPEDRIVE-REFERENCE.md §2: the floating window is framed by it). */
export const PIPEDRIVE_FRAME_ANCESTORS = ['https://*.pipedrive.com'] as const;

/**
 * The request header carrying this response's script nonce to `pages/_document.tsx` (Next's
 * Turbopack build inlines one bootstrap script per page). Always overwritten by the server.
 */
export const CSP_NONCE_HEADER = 'x-csp-nonce';

/** Where a softphone may register: the settings accept `wss://` anywhere and `ws://` on loopback. */
export const SIP_WEBSOCKET_SOURCES = ['wss:', 'ws://127.0.0.1:*', 'ws://localhost:*', 'ws://[::1]:*'] as const;

export interface SecurityHeaderOptions {
  /** Next development mode needs `eval` (React Refresh) and inline scripts; production needs neither. */
  development: boolean;
  /** In sandbox mode the sandbox's host page (origin of PIPEDRIVE_OAUTH_URL) frames the window instead of Pipedrive. */
  sandboxOrigin: string | null;
}

/**
 * The headers every page, API answer and probe carries. `frame-ancestors` is the only thing that
 * decides who may frame the window: no `X-Frame-Options`, which some browsers would let win over it.
 */
export function securityHeaders(options: SecurityHeaderOptions, nonce: string): Readonly<Record<string, string>> {
  const sandbox = options.sandboxOrigin === null ? [] : [options.sandboxOrigin];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...(options.development ? ["'unsafe-eval'", "'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    // React writes style attributes into the server-rendered HTML (e.g. the theme's color-scheme).
    'style-src': ["'self'", "'unsafe-inline'"],
    // Person pictures come from Pipedrive's CDN (or the sandbox).
    'img-src': ["'self'", 'data:', 'https:', ...sandbox],
    'font-src': ["'self'", 'data:'],
    // 'self' covers the same-origin WebSocket of Socket.IO (and Next's dev reload) in CSP Level 3 browsers.
    // The softphone opens a WebSocket to the company's own PBX, which an admin may change at any
    // time: any secure WebSocket, and plain ws:// on loopback only (the SIP settings refuse others).
    'connect-src': ["'self'", ...SIP_WEBSOCKET_SOURCES],
    'frame-ancestors': [...PIPEDRIVE_FRAME_ANCESTORS, ...sandbox],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'object-src': ["'none'"],
  };
  const csp = Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
  return Object.freeze({
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    // The window's URL carries Pipedrive's signed token: never send it to another site.
    'Referrer-Policy': 'no-referrer',
  });
}

/**
 * Sets the headers before anything answers, with a fresh script nonce handed to the page renderer;
 * a route may still tighten its own CSP (html-page.ts does).
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, options: SecurityHeaderOptions): void {
  const nonce = randomBytes(16).toString('base64');
  req.headers[CSP_NONCE_HEADER] = nonce;
  for (const [name, value] of Object.entries(securityHeaders(options, nonce))) res.setHeader(name, value);
}
