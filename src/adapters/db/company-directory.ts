import { and, eq, or, sql } from 'drizzle-orm';
import type { CompanyDirectory } from '@/application/ports/company-directory.port';
import type { Database } from './database';

/** Agents online right now (every instance), for agents not (or no longer) in the accounts table. */
export type OnlineAgentsSource = () => Promise<ReadonlyArray<{ readonly companyId: number; readonly userId: number; readonly email: string }>>;

/**
 * `CompanyDirectory` over the app database: installed companies from the accounts table, company
 * numbers from the company settings.
 */
export function createCompanyDirectory(database: Database, onlineAgents: OnlineAgentsSource): CompanyDirectory {
  const { db, tables } = database;
  const { accounts, companySettings } = tables;

  return {
    async installedCompanies() {
      const rows = await db.selectDistinct({ companyId: accounts.companyId }).from(accounts).where(eq(accounts.status, 'connected'));
      return rows.map((row) => row.companyId).sort((a, b) => a - b);
    },
    async companiesWithNumber(e164) {
      const rows = await db.select({ companyId: companySettings.companyId }).from(companySettings).where(eq(companySettings.companyPhoneNumber, e164));
      return rows.map((row) => row.companyId);
    },
    async companiesOfAgent(agent) {
      const id = /^\d{1,12}$/.test(agent) ? Number(agent) : undefined;
      const email = agent.includes('@') ? agent.toLowerCase() : undefined;
      if (id === undefined && email === undefined) return [];
      const conditions = [...(id === undefined ? [] : [eq(accounts.userId, id)]), ...(email === undefined ? [] : [sql`lower(${accounts.email}) = ${email}`])];
      const rows = await db
        .selectDistinct({ companyId: accounts.companyId })
        .from(accounts)
        .where(and(eq(accounts.status, 'connected'), or(...conditions)));
      // A window connects only with a connected account of its own, so an online agent is in the
      // rows unless disconnected since: asking every socket of every instance is left for that case.
      if (rows.length > 0) return [...new Set(rows.map((row) => row.companyId))];
      const online = (await onlineAgents()).filter((a) => a.userId === id || (email !== undefined && a.email.toLowerCase() === email));
      return [...new Set(online.map((a) => a.companyId))];
    },
  };
}
