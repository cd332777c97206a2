import axios, { type AxiosAdapter, type AxiosInstance } from 'axios';
import * as v1 from 'pipedrive/v1';
import * as v2 from 'pipedrive/v2';
import { z } from 'zod';
import type { AccountKey, AccountRepository } from '@/adapters/db/account-repository';
import type { Logger } from 'pino';
import { createOAuthClient, type TokenGrant } from './oauth-client';
import { PipedriveError, toPipedriveError } from './pipedrive-error';
import { createTokenManager, type AccessGrant, type DisconnectResult } from './token-manager';

export interface PipedriveUser {
  id: number;
  name: string;
  email: string;
  companyId: number;
  companyName: string;
  companyDomain: string | null;
  /** ISO 3166 alpha-2 country of the company, as Pipedrive reports it (`company_country`). */
  companyCountry: string | null;
  /** An admin of the company in Pipedrive (`is_admin`, or an `access[]` entry with `admin`). */
  isAdmin: boolean;
}

export interface PipedrivePhone {
  value: string;
  label: string | null;
  primary: boolean;
}

export interface PipedrivePerson {
  id: number;
  name: string;
  phones: PipedrivePhone[];
  orgId: number | null;
}

export interface PersonSearchHit {
  id: number;
  name: string;
  phones: string[];
  organizationName: string | null;
  pictureUrl: string | null;
}

export interface PipedriveDeal {
  id: number;
  title: string;
  status: string;
  value: number | null;
  currency: string | null;
  personId: number | null;
  orgId: number | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type DealStatus = 'open' | 'won' | 'lost' | 'deleted';
export type PersonSearchField = 'custom_fields' | 'email' | 'notes' | 'phone' | 'name';

export interface PipedriveGatewayOptions {
  oauthUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  accounts: AccountRepository;
  logger: Logger;
  /** Replaces axios' HTTP adapter (tests use a fake HTTP layer). */
  adapter?: AxiosAdapter;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  refreshMarginMs?: number;
  /** Per request (PIPEDRIVE_TIMEOUT_MS); a write that times out is "outcome unknown" (status 0). */
  timeoutMs?: number;
  /** Total attempts for idempotent reads that hit 429 or 5xx. */
  maxReadAttempts?: number;
  /** A 429 asking to wait longer than this is surfaced instead of waited out. */
  maxRetryWaitMs?: number;
}

const userSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  company_id: z.number().int(),
  company_name: z.string(),
  company_domain: z.string().nullish(),
  company_country: z.string().nullish(),
  // Pipedrive documents 1/0 here; the sandbox and newer answers send a boolean.
  is_admin: z.union([z.boolean(), z.number()]).nullish(),
  access: z.array(z.object({ admin: z.boolean().nullish() })).nullish(),
});

const phoneSchema = z.object({
  value: z.string().nullish(),
  label: z.string().nullish(),
  primary: z.boolean().nullish(),
});

const personSchema = z.object({
  id: z.number().int(),
  name: z.string().nullish(),
  phones: z.array(phoneSchema).nullish(),
  org_id: z.number().int().nullish(),
});

const searchItemSchema = z.object({
  item: z.object({
    id: z.number().int(),
    name: z.string().nullish(),
    phones: z.array(z.string()).nullish(),
    organization: z.object({ id: z.number().int().nullish(), name: z.string().nullish() }).nullish(),
    picture: z.object({ pictures: z.record(z.string(), z.string()).nullish() }).nullish(),
  }),
});

const dealSchema = z.object({
  id: z.number().int(),
  title: z.string().nullish(),
  status: z.string().nullish(),
  value: z.number().nullish(),
  currency: z.string().nullish(),
  person_id: z.number().int().nullish(),
  org_id: z.number().int().nullish(),
});

const organizationSchema = z.object({ id: z.number().int(), name: z.string().nullish() });

// `GET /api/v2/organizations?ids=` takes at most 100 ids per request.
const ORGANIZATION_IDS_PER_REQUEST = 100;
const ORGANIZATION_CACHE_TTL_MS = 10 * 60 * 1000;
const ORGANIZATION_CACHE_MAX_ENTRIES = 10_000;
/** Client objects kept per (API domain, access token); one account holds one token at a time. */
const API_CLIENTS_MAX_ENTRIES = 5_000;

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

const cursorSchema = z.object({ additional_data: z.object({ next_cursor: z.string().nullish() }).nullish() });

// Response schemas are built once: zod 4 compiles a schema on its first parse, so a schema made
// per request would be compiled again for every request (the screen-pop's hot path).
const currentUserResponse = z.object({ data: userSchema });
const personListResponse = cursorSchema.extend({ data: z.array(personSchema).nullish() });
const personSearchResponse = z.object({ data: z.object({ items: z.array(searchItemSchema).nullish() }).nullish() });
const personResponse = z.object({ data: personSchema });
const organizationListResponse = z.object({ data: z.array(organizationSchema).nullish() });
const dealListResponse = z.object({ data: z.array(dealSchema).nullish() });
const createdIdResponse = z.object({ data: z.object({ id: z.number().int() }) });
const createdCallLogResponse = z.object({ data: z.object({ id: z.union([z.string(), z.number()]).transform(String) }) });

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  // A body we cannot read is an upstream fault, and retrying will not change it.
  if (!parsed.success) throw new PipedriveError({ kind: 'unavailable', status: 502, message: `${what}: unexpected response shape`, retryable: false });
  return parsed.data;
}

function toPerson(person: z.infer<typeof personSchema>): PipedrivePerson {
  return {
    id: person.id,
    name: person.name ?? '',
    phones: (person.phones ?? [])
      .filter((phone) => typeof phone.value === 'string' && phone.value.trim() !== '')
      .map((phone) => ({ value: (phone.value as string).trim(), label: phone.label || null, primary: phone.primary === true })),
    orgId: person.org_id ?? null,
  };
}

interface Apis {
  users: v1.UsersApi;
  notes: v1.NotesApi;
  callLogs: v1.CallLogsApi;
  persons: v2.PersonsApi;
  deals: v2.DealsApi;
  activities: v2.ActivitiesApi;
  organizations: v2.OrganizationsApi;
}

/**
 * THE Pipedrive gateway: the only code that talks to Pipedrive. API calls go through the official
 * `pipedrive` client (v2 for persons/deals/activities/organizations, v1 for users/notes/call logs)
 * wired to an axios instance of our own: the client's built-in instance rejects with the response
 * body only, hiding the status and rate-limit headers that refresh and back-off decisions need.
 * The v33 BaseAPI constructor takes only a configuration, so the instance is swapped in after
 * construction (its `axios` field is what every generated method uses).
 */
export function createPipedriveGateway(options: PipedriveGatewayOptions) {
  const log = options.logger;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxReadAttempts = options.maxReadAttempts ?? 3;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 10_000;
  const timeout = options.timeoutMs ?? 15_000;
  const clock = options.now ?? Date.now;
  const organizationNames = new Map<string, { name: string | null; expiresAt: number }>();

  const oauthHttp = axios.create({ adapter: options.adapter, timeout });
  // No redirects: the API answers at the account's api_domain, and with maxRedirects 0 axios uses
  // Node's http module directly instead of wrapping every request in follow-redirects.
  const apiHttp: AxiosInstance = axios.create({ adapter: options.adapter, timeout, maxRedirects: 0 });
  // The generated client expects the body on success; failures stay AxiosErrors with status and headers.
  apiHttp.interceptors.response.use((response) => response.data);

  const oauth = createOAuthClient({
    oauthUrl: options.oauthUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUri: options.redirectUri,
    http: oauthHttp,
    now: options.now,
  });
  const tokens = createTokenManager({ accounts: options.accounts, oauth, logger: log, now: options.now, sleep: options.sleep, refreshMarginMs: options.refreshMarginMs });

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

  const backoffMs = (attempt: number) => Math.min(4_000, 250 * 2 ** (attempt - 1)) + Math.floor(Math.random() * 100);

  /**
   * Runs one API operation for an account: a 401 triggers one refresh and one retry; idempotent
   * reads are retried on 429 (waiting as Pipedrive asks) and on 5xx/network errors with back-off.
   * Writes are never retried here: the outbox owns their retries.
   */
  async function call<T>(key: AccountKey, what: string, operation: (apis: Apis) => Promise<T>, { idempotent }: { idempotent: boolean }): Promise<T> {
    let access = await tokens.getAccess(key);
    let hasRefreshedAfter401 = false;
    let attempt = 1;
    while (true) {
      try {
        return await operation(apisFor(access));
      } catch (caught) {
        const error = toPipedriveError(caught, what);
        if (error.status === 401 && !hasRefreshedAfter401) {
          hasRefreshedAfter401 = true;
          access = await tokens.getAccess(key, { forceRefresh: true, rejectedToken: access.accessToken });
          continue;
        }
        if (!idempotent || !error.retryable || attempt >= maxReadAttempts) throw error;
        const waitMs = error.kind === 'rate_limited' ? (error.retryAfterMs ?? backoffMs(attempt)) : backoffMs(attempt);
        if (waitMs > maxRetryWaitMs) throw error;
        log.warn({ what, status: error.status, attempt, waitMs }, 'Pipedrive call failed; retrying');
        await sleep(waitMs);
        attempt += 1;
      }
    }
  }

  const read = <T>(key: AccountKey, what: string, operation: (apis: Apis) => Promise<T>) => call(key, what, operation, { idempotent: true });
  const write = <T>(key: AccountKey, what: string, operation: (apis: Apis) => Promise<T>) => call(key, what, operation, { idempotent: false });

  return {
    authorizeUrl: oauth.authorizeUrl,
    exchangeCode: (code: string): Promise<TokenGrant> => oauth.exchangeCode(code),
    revoke: oauth.revoke,
    /** A valid access token for the account, refreshed when due. Server-side use only. */
    getAccess: (key: AccountKey) => tokens.getAccess(key),
    /** The user's "Disconnect": revokes the grant at Pipedrive and deletes the tokens even if that fails. */
    disconnectAccount: (key: AccountKey): Promise<DisconnectResult> => tokens.disconnect(key),

    /** `/api/v1/users/me` with a token that is not stored yet (right after the code exchange). */
    async getUserForGrant(grant: Pick<TokenGrant, 'accessToken' | 'apiDomain'>): Promise<PipedriveUser> {
      try {
        const response = await apisFor(grant).users.getCurrentUser();
        return toUser(parse(currentUserResponse, response, 'current user').data);
      } catch (error) {
        throw toPipedriveError(error, 'current user');
      }
    },

    async getCurrentUser(key: AccountKey): Promise<PipedriveUser> {
      const response = await read(key, 'current user', (apis) => apis.users.getCurrentUser());
      return toUser(parse(currentUserResponse, response, 'current user').data);
    },

    async listPersons(key: AccountKey, page: { cursor?: string | null; limit: number }): Promise<Page<PipedrivePerson>> {
      const response = await read(key, 'list persons', (apis) =>
        apis.persons.getPersons({ limit: page.limit, cursor: page.cursor ?? undefined, sort_by: 'id', sort_direction: 'asc' }),
      );
      const body = parse(personListResponse, response, 'list persons');
      return { items: (body.data ?? []).map(toPerson), nextCursor: body.additional_data?.next_cursor ?? null };
    },

    async searchPersons(
      key: AccountKey,
      term: string,
      search: { fields?: PersonSearchField[]; exactMatch?: boolean; limit?: number } = {},
    ): Promise<PersonSearchHit[]> {
      const response = await read(key, 'search persons', (apis) =>
        apis.persons.searchPersons({
          term,
          // The client types `fields` as one field; the API takes a comma-separated list.
          fields: search.fields?.join(',') as PersonSearchField | undefined,
          exact_match: search.exactMatch,
          include_fields: 'person.picture',
          limit: search.limit,
        }),
      );
      const body = parse(personSearchResponse, response, 'search persons');
      return (body.data?.items ?? []).map(({ item }) => ({
        id: item.id,
        name: item.name ?? '',
        phones: (item.phones ?? []).map((phone) => phone.trim()).filter(Boolean),
        organizationName: item.organization?.name ?? null,
        pictureUrl: item.picture?.pictures?.['128'] ?? null,
      }));
    },

    async getPerson(key: AccountKey, id: number): Promise<PipedrivePerson> {
      const response = await read(key, 'get person', (apis) => apis.persons.getPerson({ id }));
      return toPerson(parse(personResponse, response, 'get person').data);
    },

    /**
     * Organization names by id, for labelling contacts: one list request per 100 ids, cached for a
     * while since names rarely change; an organization that no longer exists simply has no name.
     */
    async getOrganizationNames(key: AccountKey, ids: number[]): Promise<Map<number, string>> {
      const names = new Map<number, string>();
      const missing: number[] = [];
      for (const id of new Set(ids)) {
        const cached = organizationNames.get(`${key.companyId}:${id}`);
        if (cached && cached.expiresAt > clock()) {
          if (cached.name !== null) names.set(id, cached.name);
        } else missing.push(id);
      }
      for (const batch of chunk(missing, ORGANIZATION_IDS_PER_REQUEST)) {
        const response = await read(key, 'list organizations', (apis) =>
          apis.organizations.getOrganizations({ ids: batch.join(','), limit: ORGANIZATION_IDS_PER_REQUEST }),
        );
        const found = parse(organizationListResponse, response, 'list organizations').data ?? [];
        const foundNames = new Map(found.map((org) => [org.id, org.name ?? null] as const));
        if (organizationNames.size + batch.length > ORGANIZATION_CACHE_MAX_ENTRIES) organizationNames.clear();
        for (const id of batch) {
          const name = foundNames.get(id) ?? null;
          organizationNames.set(`${key.companyId}:${id}`, { name, expiresAt: clock() + ORGANIZATION_CACHE_TTL_MS });
          if (name !== null) names.set(id, name);
        }
      }
      return names;
    },

    async listDeals(key: AccountKey, filter: { personId: number; status?: DealStatus; limit?: number }): Promise<PipedriveDeal[]> {
      const response = await read(key, 'list deals', (apis) =>
        apis.deals.getDeals({ person_id: filter.personId, status: filter.status, limit: filter.limit ?? 100 }),
      );
      const body = parse(dealListResponse, response, 'list deals');
      return (body.data ?? []).map((deal) => ({
        id: deal.id,
        title: deal.title ?? '',
        status: deal.status ?? 'open',
        value: deal.value ?? null,
        currency: deal.currency ?? null,
        personId: deal.person_id ?? null,
        orgId: deal.org_id ?? null,
      }));
    },

    /**
     * Reads for the outbox's reconciler (write-reconciler.ts): what this account created lately.
     * The raw items are returned: the reconciler matches them field by field.
     */
    async listCallLogsPage(key: AccountKey, page: { start: number; limit: number }): Promise<V1ListPage> {
      const response = await read(key, 'list call logs', (apis) => apis.callLogs.getUserCallLogs({ start: page.start, limit: page.limit }));
      return toV1Page(parse(v1ListSchema, response, 'list call logs'));
    },

    async listNotesPage(key: AccountKey, filter: { personId?: number; dealId?: number; startDate: string; start: number; limit: number }): Promise<V1ListPage> {
      const response = await read(key, 'list notes', (apis) =>
        apis.notes.getNotes({ person_id: filter.personId, deal_id: filter.dealId, start_date: filter.startDate, sort: 'add_time DESC', start: filter.start, limit: filter.limit }),
      );
      return toV1Page(parse(v1ListSchema, response, 'list notes'));
    },

    async listRecentPersonsPage(key: AccountKey, page: { cursor: string | null; limit: number }): Promise<V2ListPage> {
      const response = await read(key, 'list recent persons', (apis) =>
        apis.persons.getPersons({ sort_by: 'add_time', sort_direction: 'desc', limit: page.limit, cursor: page.cursor ?? undefined }),
      );
      const body = parse(v2ListSchema, response, 'list recent persons');
      return { items: body.data ?? [], nextCursor: body.additional_data?.next_cursor ?? null };
    },

    async listActivitiesPage(
      key: AccountKey,
      filter: { personId?: number; dealId?: number; ownerId?: number; updatedSince: string; cursor: string | null; limit: number },
    ): Promise<V2ListPage> {
      const response = await read(key, 'list activities', (apis) =>
        apis.activities.getActivities({
          person_id: filter.personId, deal_id: filter.dealId, owner_id: filter.ownerId, updated_since: filter.updatedSince,
          sort_by: 'add_time', sort_direction: 'desc', limit: filter.limit, cursor: filter.cursor ?? undefined,
        }),
      );
      const body = parse(v2ListSchema, response, 'list activities');
      return { items: body.data ?? [], nextCursor: body.additional_data?.next_cursor ?? null };
    },

    async addPerson(key: AccountKey, person: v2.AddPersonRequest): Promise<PipedrivePerson> {
      const response = await write(key, 'add person', (apis) => apis.persons.addPerson({ AddPersonRequest: person }));
      return toPerson(parse(personResponse, response, 'add person').data);
    },

    async addNote(key: AccountKey, note: v1.AddNoteRequest): Promise<{ id: number }> {
      const response = await write(key, 'add note', (apis) => apis.notes.addNote({ AddNoteRequest: note }));
      return parse(createdIdResponse, response, 'add note').data;
    },

    async addCallLog(key: AccountKey, callLog: v1.AddCallLogRequest): Promise<{ id: string }> {
      const response = await write(key, 'add call log', (apis) => apis.callLogs.addCallLog({ AddCallLogRequest: callLog }));
      return parse(createdCallLogResponse, response, 'add call log').data;
    },

    async addActivity(key: AccountKey, activity: v2.AddActivityRequest): Promise<{ id: number }> {
      const response = await write(key, 'add activity', (apis) => apis.activities.addActivity({ AddActivityRequest: activity }));
      return parse(createdIdResponse, response, 'add activity').data;
    },
  };
}

/** A page of a v1 list: raw items, and where the next page starts (null at the end). */
export interface V1ListPage {
  items: Record<string, unknown>[];
  nextStart: number | null;
}

/** A page of a v2 list: raw items and the next cursor (null at the end). */
export interface V2ListPage {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

const v1ListSchema = z.object({
  data: z.array(z.record(z.string(), z.unknown())).nullish(),
  additional_data: z
    .object({ pagination: z.object({ more_items_in_collection: z.boolean().nullish(), next_start: z.number().int().nullish() }).nullish() })
    .nullish(),
});
const v2ListSchema = cursorSchema.extend({ data: z.array(z.record(z.string(), z.unknown())).nullish() });

function toV1Page(body: z.infer<typeof v1ListSchema>): V1ListPage {
  const pagination = body.additional_data?.pagination;
  return { items: body.data ?? [], nextStart: pagination?.more_items_in_collection ? (pagination.next_start ?? null) : null };
}

function toUser(user: z.infer<typeof userSchema>): PipedriveUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    companyId: user.company_id,
    companyName: user.company_name,
    companyDomain: user.company_domain ?? null,
    companyCountry: user.company_country ?? null,
    isAdmin: user.is_admin === true || user.is_admin === 1 || (user.access ?? []).some((access) => access.admin === true),
  };
}

export type PipedriveGateway = ReturnType<typeof createPipedriveGateway>;
