import { escapeHtml, SafeHtml } from './html';

/**
 * Pipedrive shows note HTML (notes' `content`, call logs' and activities' `note`) as formatted
 * text, sanitised: a small set of formatting tags survives, everything else is dropped. The pages
 * do the same with an allow-list, so an app's escaped text reads as typed ("a < b & c", line
 * breaks kept) and its markup neither shows as literal tags nor runs. Built by re-emitting each
 * token: allowed tags without attributes (links keep an http(s) or mailto `href`), text escaped
 * again after decoding entities, tags closed in order, so the output is always well formed.
 */

const ALLOWED_TAGS = new Set(['p', 'br', 'b', 'strong', 'i', 'em', 'u', 's', 'ul', 'ol', 'li', 'a', 'div', 'span', 'blockquote']);
const VOID_TAGS = new Set(['br']);
/** Dropped with everything inside them: their content is code or styling, not text. */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'textarea', 'select']);
const SAFE_HREF = /^(https?:|mailto:)/i;
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<|[^<]+/g;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Entities as Pipedrive's stored HTML uses them (named basics, decimal and hex). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function hrefOf(attributes: string): string | undefined {
  const match = /\bhref\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
  const raw = match ? (match[2] ?? match[3] ?? match[4] ?? '') : '';
  const href = decodeEntities(raw).trim();
  return SAFE_HREF.test(href) ? href : undefined;
}

function openTag(name: string, attributes: string): string {
  if (name !== 'a') return `<${name}>`;
  const href = hrefOf(attributes);
  return href === undefined ? '<a>' : `<a href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank">`;
}

/** Stored note HTML → the sanitised markup a page may show. */
export function richText(stored: string): SafeHtml {
  const out: string[] = [];
  const open: string[] = [];
  let droppingUntil: string | null = null;
  for (const token of stored.matchAll(TOKEN)) {
    const [whole, rawName, attributes = ''] = token;
    const name = rawName?.toLowerCase();
    const isClosing = whole.startsWith('</');
    if (droppingUntil !== null) {
      if (isClosing && name === droppingUntil) droppingUntil = null;
      continue;
    }
    if (whole.startsWith('<!--')) continue;
    if (name === undefined) {
      out.push(escapeHtml(decodeEntities(whole)));
    } else if (DROPPED_WITH_CONTENT.has(name)) {
      if (!isClosing && !whole.endsWith('/>')) droppingUntil = name;
    } else if (!ALLOWED_TAGS.has(name)) {
      continue;
    } else if (VOID_TAGS.has(name)) {
      if (!isClosing) out.push(`<${name}>`);
    } else if (!isClosing) {
      out.push(openTag(name, attributes));
      open.push(name);
    } else if (open.includes(name)) {
      // Closes what was left open inside it, as a browser would.
      while (open.length > 0) {
        const last = open.pop();
        out.push(`</${last}>`);
        if (last === name) break;
      }
    }
  }
  while (open.length > 0) out.push(`</${open.pop()}>`);
  return new SafeHtml(out.join(''));
}
