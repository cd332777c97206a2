import { describe, expect, it } from 'vitest';
import { createCompanyAdmins } from './company-admins';

describe('createCompanyAdmins', () => {
  it('asks Pipedrive once per user within the cache time, again after it', async () => {
    let now = 1_000;
    const asked: string[] = [];
    const admins = createCompanyAdmins({
      lookUp: async (key) => {
        asked.push(`${key.companyId}:${key.userId}`);
        return key.userId === 1;
      },
      ttlMs: 60_000,
      now: () => now,
    });
    expect(await admins.isAdmin({ companyId: 7, userId: 1 })).toBe(true);
    expect(await admins.isAdmin({ companyId: 7, userId: 2 })).toBe(false);
    expect(await admins.isAdmin({ companyId: 7, userId: 1 })).toBe(true);
    expect(asked).toEqual(['7:1', '7:2']);
    now += 60_000;
    await admins.isAdmin({ companyId: 7, userId: 1 });
    expect(asked).toEqual(['7:1', '7:2', '7:1']);
  });

  it('does not remember a failed look-up', async () => {
    let fail = true;
    const admins = createCompanyAdmins({
      lookUp: async () => {
        if (fail) throw new Error('Pipedrive down');
        return true;
      },
      now: () => 0,
    });
    await expect(admins.isAdmin({ companyId: 7, userId: 1 })).rejects.toThrow('Pipedrive down');
    fail = false;
    await expect(admins.isAdmin({ companyId: 7, userId: 1 })).resolves.toBe(true);
  });
});
