import { describe, expect, it } from 'vitest';
import { createCrmDirectory } from './crm-directory';
import { PipedriveError } from './pipedrive-error';

function fakeGateway(options: { searchDelayMs?: number } = {}) {
  const requests: string[] = [];
  const gateway = {
    async searchPersons(key: { companyId: number; userId: number }, term: string) {
      requests.push(`search:${key.companyId}:${key.userId}:${term}`);
      if (options.searchDelayMs) await new Promise((resolve) => setTimeout(resolve, options.searchDelayMs));
      return [{ id: 7, name: 'Ada Lovelace', phones: ['+1 415 555 0134'], organizationName: 'Analytical Engines', organizationId: 12, pictureUrl: 'https://pics/7.png' }];
    },
    async getPerson(_key: unknown, id: number) {
      requests.push(`person:${id}`);
      if (id === 404) throw new PipedriveError({ kind: 'not_found', status: 404, message: 'gone' });
      return { id, name: 'Ada Lovelace', phones: [{ value: '+14155550134', label: 'work', primary: true }], orgId: 3 };
    },
    async getOrganizationNames() {
      requests.push('orgs');
      return new Map([[3, 'Analytical Engines']]);
    },
    async listDeals(_key: unknown, filter: { personId: number }) {
      requests.push(`deals:${filter.personId}`);
      return [
        { id: 1, title: 'Old', status: 'open', value: 10, currency: 'EUR', personId: 7, orgId: 3 },
        { id: 2, title: 'New', status: 'open', value: null, currency: null, personId: 7, orgId: null },
        { id: 3, title: 'Won', status: 'won', value: 5, currency: 'EUR', personId: 7, orgId: null },
      ];
    },
  };
  const accounts = { listConnectedByCompany: async (companyId: number) => (companyId === 1 ? [{ companyId: 1, userId: 99 }] : []) };
  return { gateway, accounts: accounts as never, requests };
}

describe('createCrmDirectory', () => {
  it('maps search hits with organization and picture, and caches a screen-pop per company', async () => {
    const { gateway, accounts, requests } = fakeGateway();
    let now = 0;
    const crm = createCrmDirectory({ gateway, accounts, now: () => now });
    const account = { companyId: 1, userId: 5 };
    const persons = await crm.searchPersonsByPhone(account, '4155550134', { limit: 20 });
    expect(persons).toEqual([{ id: 7, name: 'Ada Lovelace', phones: [{ value: '+1 415 555 0134' }], organizationName: 'Analytical Engines', organizationId: 12, pictureUrl: 'https://pics/7.png' }]);
    expect(await crm.listOpenDeals(account, 7, { limit: 10 })).toEqual([
      { id: 2, title: 'New', value: null, currency: null, orgId: null },
      { id: 1, title: 'Old', value: 10, currency: 'EUR', orgId: 3 },
    ]);
    await crm.searchPersonsByPhone(account, '4155550134', { limit: 20 });
    await crm.listOpenDeals(account, 7, { limit: 10 });
    expect(requests).toEqual(['search:1:5:4155550134', 'deals:7']);
    await crm.searchPersonsByPhone({ companyId: 2, userId: 6 }, '4155550134', { limit: 20 });
    now += 30_001;
    await crm.searchPersonsByPhone(account, '4155550134', { limit: 20 });
    expect(requests).toEqual(['search:1:5:4155550134', 'deals:7', 'search:2:6:4155550134', 'search:1:5:4155550134']);
  });

  it('uses any connected user without a userId, and rejects when the company has none', async () => {
    const { gateway, accounts, requests } = fakeGateway();
    const crm = createCrmDirectory({ gateway, accounts });
    await crm.searchPersonsByPhone({ companyId: 1 }, '555', { limit: 5 });
    expect(requests).toEqual(['search:1:99:555']);
    await expect(crm.searchPersonsByPhone({ companyId: 2 }, '555', { limit: 5 })).rejects.toMatchObject({ reason: 'not_installed' });
  });

  it('returns a person with the organization name, and undefined for a deleted person', async () => {
    const { gateway, accounts } = fakeGateway();
    const crm = createCrmDirectory({ gateway, accounts });
    expect(await crm.getPerson({ companyId: 1, userId: 5 }, 7)).toEqual({
      id: 7,
      name: 'Ada Lovelace',
      phones: [{ value: '+14155550134', label: 'work', primary: true }],
      organization: { id: 3, name: 'Analytical Engines' },
      pictureUrl: null,
    });
    expect(await crm.getPerson({ companyId: 1, userId: 5 }, 404)).toBeUndefined();
  });

  it('gives up after the latency bound with a retryable unavailable error, and does not cache it', async () => {
    const { gateway, accounts } = fakeGateway({ searchDelayMs: 200 });
    const crm = createCrmDirectory({ gateway, accounts, timeoutMs: 20 });
    const error = await crm.searchPersonsByPhone({ companyId: 1, userId: 5 }, '555', { limit: 5 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PipedriveError);
    expect(error).toMatchObject({ kind: 'unavailable', retryable: true });
  });
});
