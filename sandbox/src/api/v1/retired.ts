/**
 * v1 endpoints that Pipedrive retired in favour of v2 (and that the official client no longer has).
 * They answer 410 Gone so the app cannot quietly depend on them. Returns the replacement to name, or null.
 */
const RETIRED: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^\/persons\/search$/, () => 'GET /api/v2/persons/search'],
  [/^\/(deals|organizations|activities)\/search$/, (m) => `GET /api/v2/${m[1]}/search`],
  [/^\/itemSearch(\/field)?$/, (m) => `GET /api/v2/itemSearch${m[1] ?? ''}`],
  [/^\/(persons|organizations)\/(\d+)\/deals$/, (m) => `GET /api/v2/deals?${m[1] === 'persons' ? 'person_id' : 'org_id'}=${m[2]}`],
  [/^\/(persons|organizations|deals)\/(\d+)\/activities$/, (m) => `GET /api/v2/activities?${m[1] === 'persons' ? 'person_id' : m[1] === 'deals' ? 'deal_id' : 'org_id'}=${m[2]}`],
  [/^\/deals\/(\d+)\/persons$/, (m) => `GET /api/v2/persons?deal_id=${m[1]}`],
  [/^\/(persons|deals|organizations|activities)(\/\d+)?$/, (m) => `/api/v2/${m[1]}${m[2] ?? ''}`],
];

/** `v1Path` is the part after `/api/v1` (or `/v1`). */
export function retiredReplacement(v1Path: string): string | null {
  for (const [pattern, replacement] of RETIRED) {
    const match = pattern.exec(v1Path.replace(/\/$/, ''));
    if (match) return replacement(match);
  }
  return null;
}
