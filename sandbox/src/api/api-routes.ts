import { compilePattern, type ApiRoute } from './api-route';
import { callLogRoutes } from './v1/call-logs';
import { callLogRecordingRoutes } from './v1/call-log-recordings';
import { noteRoutes } from './v1/notes';
import { userRoutes } from './v1/users';
import { activityRoutes } from './v2/activities';
import { dealRoutes } from './v2/deals';
import { organizationRoutes } from './v2/organizations';
import { personSearchRoutes } from './v2/person-search';
import { personRoutes } from './v2/persons';

/** Every emulated endpoint. Order matters where literals and params overlap (`/persons/search` before `/persons/:id`). */
const ROUTES: readonly ApiRoute[] = [
  ...userRoutes,
  ...noteRoutes,
  ...callLogRoutes,
  ...callLogRecordingRoutes,
  ...personSearchRoutes,
  ...personRoutes,
  ...dealRoutes,
  ...organizationRoutes,
  ...activityRoutes,
];

const COMPILED = ROUTES.map((route) => ({ route, ...compilePattern(route.pattern) }));

export type RouteMatch =
  | { kind: 'route'; route: ApiRoute; params: Record<string, string> }
  | { kind: 'method_not_allowed' }
  | { kind: 'none' };

export function matchRoute(method: string, path: string): RouteMatch {
  let pathMatched = false;
  for (const { route, regexp, names } of COMPILED) {
    const m = regexp.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1]!);
    });
    return { kind: 'route', route, params };
  }
  return pathMatched ? { kind: 'method_not_allowed' } : { kind: 'none' };
}
