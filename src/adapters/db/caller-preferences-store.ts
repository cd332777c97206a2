import { and, eq } from 'drizzle-orm';
import type { CallerChoice, CallerPreferences } from '@/application/ports/caller-preferences.port';
import type { Database } from './database';

/** The person (and deal) last chosen per company and E.164 number; a new choice replaces the old. */
export class DrizzleCallerPreferences implements CallerPreferences {
  constructor(private readonly database: Database) {}

  async get(companyId: number, phoneE164: string): Promise<CallerChoice | undefined> {
    const { callerPreferences } = this.database.tables;
    const [row] = await this.database.db
      .select()
      .from(callerPreferences)
      .where(and(eq(callerPreferences.companyId, companyId), eq(callerPreferences.phoneE164, phoneE164)))
      .limit(1);
    if (!row) return undefined;
    return {
      personId: row.personId,
      ...(row.dealId === null ? {} : { dealId: row.dealId }),
      chosenAt: Number(row.chosenAt),
    };
  }

  async remember(companyId: number, phoneE164: string, choice: CallerChoice): Promise<void> {
    const { callerPreferences } = this.database.tables;
    const values = { personId: choice.personId, dealId: choice.dealId ?? null, chosenAt: choice.chosenAt };
    await this.database.db
      .insert(callerPreferences)
      .values({ companyId, phoneE164, ...values })
      .onConflictDoUpdate({ target: [callerPreferences.companyId, callerPreferences.phoneE164], set: values });
  }
}
