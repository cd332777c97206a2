import type { SandboxCompany, SandboxUser } from '../../store/types';
import type { ApiRequest, ApiReply, ApiRoute } from '../api-route';
import { COST } from '../api-route';
import { apiErrors } from '../../http/sandbox-api-error';
import { v1Time } from '../time-format';

export function serializeUser(user: SandboxUser, currentUserId: number): Record<string, unknown> {
  return {
    id: user.id, name: user.name, default_currency: user.default_currency, locale: user.locale, lang: user.lang,
    email: user.email, phone: user.phone, activated: true, last_login: v1Time(user.last_login), created: v1Time(user.created),
    modified: v1Time(user.modified), has_created_company: user.is_admin,
    access: [{ app: 'sales', admin: user.is_admin, permission_set_id: user.is_admin ? 'admin-set' : 'regular-set' }],
    active_flag: user.active_flag, timezone_name: user.timezone_name, timezone_offset: user.timezone_offset,
    role_id: 1, icon_url: user.icon_url, is_you: user.id === currentUserId, is_deleted: false,
  };
}

function currentUser(company: SandboxCompany, user: SandboxUser): Record<string, unknown> {
  return {
    ...serializeUser(user, user.id),
    company_id: company.id, company_name: company.name, company_domain: company.domain,
    company_country: company.country, company_industry: company.industry,
    language: { language_code: user.locale.slice(0, 2), country_code: user.locale.slice(3, 5) },
  };
}

function getCurrentUser(req: ApiRequest): ApiReply {
  const user = req.store.getUser(req.grant.userId);
  if (!user) throw apiErrors.unauthorized();
  return { data: currentUser(req.store.company, user) };
}

function getUsers(req: ApiRequest): ApiReply {
  return { data: req.store.listUsers().map((u) => serializeUser(u, req.grant.userId)) };
}

export const userRoutes: ApiRoute[] = [
  { method: 'GET', pattern: '/api/v1/users/me', scopes: ['base'], cost: COST.v1GetOne, handler: getCurrentUser },
  // The official client lists `users:read` for the user list; the default sandbox grant lacks it, as a real one would.
  { method: 'GET', pattern: '/api/v1/users', scopes: ['users:read'], cost: COST.v1List, handler: getUsers },
];
