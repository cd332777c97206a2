import type { AxiosInstance } from 'axios';
import * as v1 from 'pipedrive/v1';
import * as v2 from 'pipedrive/v2';
import type { AccessGrant } from './token-manager';

/** The official client's API objects the gateway uses, for one access token. */
export interface Apis {
  users: v1.UsersApi;
  notes: v1.NotesApi;
  callLogs: v1.CallLogsApi;
  persons: v2.PersonsApi;
  deals: v2.DealsApi;
  activities: v2.ActivitiesApi;
  organizations: v2.OrganizationsApi;
}

/** Client objects kept per (API domain, access token); one account holds one token at a time. */
const API_CLIENTS_MAX_ENTRIES = 5_000;

/**
 * The official `pipedrive` client's API objects wired to our axios instance (`apiHttp`): the
 * client's built-in instance rejects with the response body only, hiding the status and rate-limit
 * headers. The v33 BaseAPI constructor takes only a configuration, so the instance is swapped in
 * after construction (its `axios` field is what every generated method uses).
 */
export function createApiClients(apiHttp: AxiosInstance): (access: Pick<AccessGrant, 'accessToken' | 'apiDomain'>) => Apis {
  function withOurAxios<T extends object>(api: T): T {
    Reflect.set(api, 'axios', apiHttp);
    return api;
  }

  // The client objects of a token, reused while it is valid: building seven API objects and two
  // configurations per request cost more than the sandbox's own answer. A refreshed token gets new
  // ones; the map is bounded (cleared when full) like the other caches here.
  const apisByToken = new Map<string, Apis>();

  function apisFor(access: Pick<AccessGrant, 'accessToken' | 'apiDomain'>): Apis {
    const key = `${access.apiDomain} ${access.accessToken}`;
    const known = apisByToken.get(key);
    if (known !== undefined) return known;
    if (apisByToken.size >= API_CLIENTS_MAX_ENTRIES) apisByToken.clear();
    const apis = buildApis(access);
    apisByToken.set(key, apis);
    return apis;
  }

  function buildApis(access: Pick<AccessGrant, 'accessToken' | 'apiDomain'>): Apis {
    const v1Config = new v1.Configuration({ accessToken: access.accessToken, basePath: `${access.apiDomain}/api/v1` });
    const v2Config = new v2.Configuration({ accessToken: access.accessToken, basePath: `${access.apiDomain}/api/v2` });
    return {
      users: withOurAxios(new v1.UsersApi(v1Config)),
      notes: withOurAxios(new v1.NotesApi(v1Config)),
      callLogs: withOurAxios(new v1.CallLogsApi(v1Config)),
      persons: withOurAxios(new v2.PersonsApi(v2Config)),
      deals: withOurAxios(new v2.DealsApi(v2Config)),
      activities: withOurAxios(new v2.ActivitiesApi(v2Config)),
      organizations: withOurAxios(new v2.OrganizationsApi(v2Config)),
    };
  }

  return apisFor;
}
