import { desc, inArray } from 'drizzle-orm';
import type { Database } from './database';

/**
 * Names of companies, as their users' accounts store them (Pipedrive's `company_name` at install),
 * for people who know a company by name rather than by id (the Control Center). Every user of a
 * company stores the name; the most recently updated account wins, so a renamed company shows its
 * new name once anyone reconnects. Disconnected accounts count too: the name is still theirs.
 */
export async function readCompanyNames(database: Database, companyIds: readonly number[]): Promise<Map<number, string>> {
  if (companyIds.length === 0) return new Map();
  const { db, tables } = database;
  const { accounts } = tables;
  const rows = await db
    .select({ companyId: accounts.companyId, companyName: accounts.companyName })
    .from(accounts)
    .where(inArray(accounts.companyId, [...companyIds]))
    .orderBy(desc(accounts.updatedAt));
  const names = new Map<number, string>();
  for (const row of rows) {
    const name = row.companyName.trim();
    if (name !== '' && !names.has(row.companyId)) names.set(row.companyId, name);
  }
  return names;
}
