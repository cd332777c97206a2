/**
 * The installed companies, as far as deciding which company a provider's call belongs to needs
 * them. Company numbers are the ones admins saved in Settings (E.164).
 */
export interface CompanyDirectory {
  /** Companies with at least one connected account, ascending. */
  installedCompanies(): Promise<number[]>;
  /** Companies whose saved company number is this E.164 number. */
  companiesWithNumber(e164: string): Promise<number[]>;
  /** Companies with a connected user (or an agent online now) having this user id or email. */
  companiesOfAgent(agent: string): Promise<number[]>;
}
