import axios, { type AxiosAdapter, type AxiosInstance } from 'axios';
import type * as v1 from 'pipedrive/v1';
import type * as v2 from 'pipedrive/v2';
import type { AccountKey, AccountRepository } from '@/adapters/db/account-repository';
import type { Logger } from 'pino';
import { createOAuthClient, type TokenGrant } from './oauth-client';
import { toPipedriveError } from './pipedrive-error';
import { createTokenManager, type DisconnectResult } from './token-manager';
import { createApiClients, type Apis } from './pipedrive-api-clients';
import {
  createdCallLogResponse,
  createdIdResponse,
  currentUserResponse,
  dealListResponse,
  organizationListResponse,
  parse,
  personListResponse,
  personResponse,
  personSearchResponse,
  toPerson,
  toUser,
  toV1Page,
  v1ListSchema,
  v2ListSchema,
} from './pipedrive-responses';
import type { PipedriveUser, PipedrivePerson, PersonSearchHit, PipedriveDeal, Page, DealStatus, PersonSearchField, V1ListPage, V2ListPage } from './pipedrive-types';
import { batchesOf } from './request-batches';
import { callLogRecordingRequests } from './call-log-recordings';

export type { PipedriveUser, PipedrivePhone, PipedrivePerson, PersonSearchHit, PipedriveDeal, Page, DealStatus, PersonSearchField, V1ListPage, V2ListPage } from './pipedrive-types';

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

// `GET /api/v2/organizations?ids=` takes at most 100 ids per request.
const ORGANIZATION_IDS_PER_REQUEST = 100;
const ORGANIZATION_CACHE_TTL_MS = 10 * 60 * 1000;
const ORGANIZATION_CACHE_MAX_ENTRIES = 10_000;
/** Client objects kept per (API domain, access token); one account holds one token at a time. */
const API_CLIENTS_MAX_ENTRIES = 5_000;

/**
 * THE Pipedrive gateway: the only code that talks to Pipedrive. API calls go through the official
 * `pipedrive` client (v2 for persons/deals/activities/organizations, v1 for users/notes/call logs)
 * wired to an axios instance of our own (`pipedrive-api-clients.ts`), so that failures keep the
 * status and rate-limit headers that refresh and back-off decisions need. Answers are read with
 * the schemas of `pipedrive-responses.ts` into the types of `pipedrive-types.ts`.
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

  const apisFor = createApiClients(apiHttp);

  const oauth = createOAuthClient({
    oauthUrl: options.oauthUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUri: options.redirectUri,
    http: oauthHttp,
    now: options.now,
  });
  const tokens = createTokenManager({ accounts: options.accounts, oauth, logger: log, now: options.now, sleep: options.sleep, refreshMarginMs: options.refreshMarginMs });

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
        organizationId: item.organization?.id ?? null,
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
      for (const batch of batchesOf(missing, ORGANIZATION_IDS_PER_REQUEST)) {
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

    ...callLogRecordingRequests({ read, write }),
  };
}

export type PipedriveGateway = ReturnType<typeof createPipedriveGateway>;
