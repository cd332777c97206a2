import { escapeHtml } from './respond';

/** What a sandbox handler answers; the dispatcher writes it (or drops it, for injected faults). */
export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonResult(status: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { status, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

export function htmlResult(status: number, html: string, headers: Record<string, string> = {}): HttpResult {
  return {
    status,
    // Pages that take a decision (consent) must not be framed by another site.
    headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'x-frame-options': 'DENY', 'cache-control': 'no-store' },
    body: html,
  };
}

export function redirectResult(location: string): HttpResult {
  return { status: 302, headers: { location, 'cache-control': 'no-store' }, body: '' };
}

export function emptyResult(status: number, headers: Record<string, string> = {}): HttpResult {
  return { status, headers, body: '' };
}

/** A minimal HTML page in the sandbox's style (used by OAuth pages). */
export function page(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f4f5f7;color:#192435;margin:0}
main{max-width:460px;margin:64px auto;background:#fff;border-radius:8px;padding:32px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:20px;margin:0 0 16px}ul{padding-left:20px}label{display:block;margin:16px 0 4px;font-weight:600}
select{width:100%;padding:8px;font-size:14px}.actions{display:flex;gap:12px;margin-top:24px}
button{padding:10px 16px;font-size:14px;border-radius:4px;border:1px solid #c5c9d0;background:#fff;cursor:pointer}
button.primary{background:#017737;border-color:#017737;color:#fff}.error{color:#b3261e}
</style></head><body><main>${bodyHtml}</main></body></html>`;
}
