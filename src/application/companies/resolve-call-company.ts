import { normalizePhoneNumber } from '@/domain/phone';
import type { CompanyDirectory } from '@/application/ports/company-directory.port';

export interface CallCompanyHint {
  /** The number dialled (ours), as the provider gave it. */
  readonly to?: string | undefined;
  /** A user id or email of the agent the provider names. */
  readonly agent?: string | undefined;
}

/**
 * Which company a provider's call belongs to: the one whose company number was dialled, else the
 * one of the agent named, else the only installed company. Undefined when that stays ambiguous
 * (the provider route then refuses the call rather than ringing the wrong company).
 */
export async function resolveCallCompany(deps: { readonly companies: CompanyDirectory }, hint: CallCompanyHint): Promise<number | undefined> {
  const to = hint.to?.trim() ?? '';
  if (to !== '') {
    const dialled = normalizePhoneNumber(to, undefined);
    const byNumber = dialled.ok ? await deps.companies.companiesWithNumber(dialled.e164) : [];
    if (byNumber.length === 1) return byNumber[0];
  }
  const agent = hint.agent?.trim() ?? '';
  if (agent !== '') {
    const ofAgent = await deps.companies.companiesOfAgent(agent);
    if (ofAgent.length === 1) return ofAgent[0];
  }
  const installed = await deps.companies.installedCompanies();
  return installed.length === 1 ? installed[0] : undefined;
}
