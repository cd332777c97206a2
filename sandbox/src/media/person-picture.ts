import { escapeHtml } from '../http/respond';
import type { HttpResult } from '../http/result';
import type { InMemoryStore } from '../store/in-memory-store';

const COLORS = ['#2f6fdf', '#17a673', '#c2410c', '#7c3aed', '#be185d', '#0e7490', '#a16207'];

/** A small generated avatar (initials on a colour) standing in for an uploaded person picture. */
export function renderAvatarSvg(name: string, seed: number, size: number): string {
  const initials = name
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}]/gu, '').charAt(0))
    .filter(Boolean)
    .slice(0, 2)
    .join('')
    .toUpperCase() || '?';
  const color = COLORS[seed % COLORS.length]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">` +
    `<rect width="100" height="100" fill="${color}"/>` +
    `<text x="50" y="50" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="40" fill="#fff">${escapeHtml(initials)}</text></svg>`;
}

/** `GET /media/pictures/{pictureId}/{128|512}.svg`: public, like Pipedrive's picture CDN URLs. */
export function handlePictureRequest(store: InMemoryStore, path: string): HttpResult | null {
  const match = /^\/media\/pictures\/(\d+)\/(128|512)\.svg$/.exec(path);
  if (!match) return null;
  const found = store.getPictureById(Number(match[1]));
  if (!found) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' };
  return {
    status: 200,
    headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' },
    body: renderAvatarSvg(found.person.name, found.person.id, Number(match[2])),
  };
}
