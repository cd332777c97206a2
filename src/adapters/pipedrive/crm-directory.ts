import type {
  CrmAccountRef,
  CrmDeal,
  CrmDirectory,
  CrmPersonDetails,
  CrmPhonePerson,
} from '@/application/ports/crm-directory.port';
import type { AccountKey, AccountRepository } from '@/adapters/db/account-repository';
import { AccountUnavailableError, PipedriveError } from './pipedrive-error';
import type { PipedriveGateway } from './pipedrive-gateway';

export interface CrmDirectoryOptions {
  gateway: Pick<PipedriveGateway, 'searchPersons' | 'getPerson' | 'getOrganizationNames' | 'listDeals'>;
  accounts: Pick<AccountRepository, 'listConnectedByCompany'>;
  /** Longest a lookup may take before it counts as "Pipedrive unavailable" (an inbound call waits for it). */
  timeoutMs?: number;
  /** How long search results and open deals are reused: a screen-pop right after another is free. */
  cacheTtlMs?: number;
  now?: () => number;
}

export const CRM_LOOKUP_TIMEOUT_MS = 2_500;
export const CRM_CACHE_TTL_MS = 30_000;
const CACHE_MAX_ENTRIES = 2_000;

/**
 * `CrmDirectory` over the Pipedrive gateway. A caller lookup is a phone search plus the open deals
 * of the match (two requests); both are cached per company for a short while, keyed by term and
 * person. Every call is bounded by `timeoutMs`: past it the lookup rejects as `unavailable`, and
 * the use case rings the call as an unknown caller the window may look up again.
 */
export function createCrmDirectory(options: CrmDirectoryOptions): CrmDirectory {
  const timeoutMs = options.timeoutMs ?? CRM_LOOKUP_TIMEOUT_MS;
  const ttlMs = options.cacheTtlMs ?? CRM_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { expiresAt: number; value: Promise<unknown> }>();

  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit !== undefined && hit.expiresAt > now()) return hit.value as Promise<T>;
    if (cache.size >= CACHE_MAX_ENTRIES) cache.clear();
    const value = load();
    cache.set(key, { expiresAt: now() + ttlMs, value });
    // Failures are not remembered: the next lookup asks Pipedrive again.
    value.catch(() => {
      if (cache.get(key)?.value === value) cache.delete(key);
    });
    return value;
  }

  async function accountKey(account: CrmAccountRef): Promise<AccountKey> {
    if (account.userId !== undefined) return { companyId: account.companyId, userId: account.userId };
    const [any] = await options.accounts.listConnectedByCompany(account.companyId);
    if (any === undefined) throw new AccountUnavailableError('not_installed');
    return { companyId: any.companyId, userId: any.userId };
  }

  return {
    searchPersonsByPhone(account, term, { limit }) {
      return bounded('search persons by phone', timeoutMs, () =>
        cached(`${account.companyId}:search:${term}:${limit}`, async (): Promise<CrmPhonePerson[]> => {
          const hits = await options.gateway.searchPersons(await accountKey(account), term, { fields: ['phone'], limit });
          return hits.map((hit) => ({
            id: hit.id,
            name: hit.name,
            phones: hit.phones.map((value) => ({ value })),
            organizationName: hit.organizationName,
            organizationId: hit.organizationId,
            pictureUrl: hit.pictureUrl,
          }));
        }),
      );
    },

    getPerson(account, personId) {
      return bounded('get person', timeoutMs, async (): Promise<CrmPersonDetails | undefined> => {
        const key = await accountKey(account);
        let person;
        try {
          person = await options.gateway.getPerson(key, personId);
        } catch (error) {
          if (error instanceof PipedriveError && error.kind === 'not_found') return undefined;
          throw error;
        }
        const names = person.orgId === null ? new Map<number, string>() : await options.gateway.getOrganizationNames(key, [person.orgId]);
        const organizationName = person.orgId === null ? undefined : names.get(person.orgId);
        return {
          id: person.id,
          name: person.name,
          phones: person.phones.map((phone) => ({ value: phone.value, label: phone.label ?? undefined, primary: phone.primary })),
          organization: person.orgId !== null && organizationName !== undefined ? { id: person.orgId, name: organizationName } : null,
          // The v2 person endpoint carries no picture URL; the search hit (screen-pop) does.
          pictureUrl: null,
        };
      });
    },

    listOpenDeals(account, personId, { limit }) {
      return bounded('list open deals', timeoutMs, () =>
        cached(`${account.companyId}:deals:${personId}:${limit}`, async (): Promise<CrmDeal[]> => {
          const deals = await options.gateway.listDeals(await accountKey(account), { personId, status: 'open', limit });
          return deals
            .filter((deal) => deal.status === 'open')
            .sort((a, b) => b.id - a.id)
            .slice(0, limit)
            .map((deal) => ({ id: deal.id, title: deal.title, value: deal.value, currency: deal.currency, orgId: deal.orgId }));
        }),
      );
    },
  };
}

/** Rejects with an `unavailable` PipedriveError when `work` takes longer than `timeoutMs`. */
function bounded<T>(what: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new PipedriveError({ kind: 'unavailable', status: 0, message: `${what}: Pipedrive took longer than ${timeoutMs} ms`, retryable: true })),
      timeoutMs,
    );
    work().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
