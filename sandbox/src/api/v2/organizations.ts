import { apiErrors } from '../../http/api-error';
import { COST, type ApiReply, type ApiRequest, type ApiRoute } from '../api-route';
import { paramId, queryObject } from '../validation';

function getOrganization(req: ApiRequest): ApiReply {
  queryObject(req.query, ['include_fields', 'custom_fields', 'include_option_labels', 'include_labels']);
  const org = req.store.getOrganization(paramId(req.params.id));
  if (!org) throw apiErrors.notFound('Organization');
  return { data: org };
}

export const organizationRoutes: ApiRoute[] = [
  { method: 'GET', pattern: '/api/v2/organizations/:id', scopes: ['contacts:read', 'contacts:full'], cost: COST.v2GetOne, handler: getOrganization },
];
