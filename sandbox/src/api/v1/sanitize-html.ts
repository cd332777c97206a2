/**
 * Pipedrive sanitises note HTML. The sandbox removes the obviously active parts (scripts, frames,
 * event handlers, javascript: URLs) so the stored content resembles what Pipedrive would keep.
 * It is not a security boundary: apps must still escape what they render.
 */
export function sanitizeNoteHtml(html: string): string {
  return html
    .replace(/<\s*(script|style|iframe|object|embed)[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi, '')
    .replace(/<\s*(script|style|iframe|object|embed)[^>]*\/?>/gi, '')
    .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/(href|src)\s*=\s*(["']?)\s*javascript:[^"'>\s]*\2/gi, '$1="#"');
}
