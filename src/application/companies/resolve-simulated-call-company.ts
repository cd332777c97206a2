import type { CompanyDirectory } from '@/application/ports/company-directory.port';

export interface SimulatedCallTarget {
  /** The company picked in the Control Center, if any. */
  readonly companyId?: number | undefined;
  /** A user id or email; blank rings everybody. */
  readonly agent: string;
  readonly sandboxMode: boolean;
}

export type SimulatedCallCompanyRefusal = 'COMPANY_NOT_INSTALLED' | 'COMPANY_REQUIRED' | 'NO_COMPANY_INSTALLED' | 'AGENT_NOT_FOUND';
export type SimulatedCallCompany =
  | { readonly ok: true; readonly companyId: number }
  | { readonly ok: false; readonly code: SimulatedCallCompanyRefusal; readonly message: string };

/**
 * Which company a Control Center call is for: the company picked (if installed), else the named
 * agent's, else in sandbox mode the only installed company. Each failure says what to pick.
 */
export async function resolveSimulatedCallCompany(deps: { readonly companies: CompanyDirectory }, target: SimulatedCallTarget): Promise<SimulatedCallCompany> {
  const installed = await deps.companies.installedCompanies();
  if (target.companyId !== undefined) {
    return installed.includes(target.companyId)
      ? { ok: true, companyId: target.companyId }
      : { ok: false, code: 'COMPANY_NOT_INSTALLED', message: `No installed company has id ${target.companyId}.` };
  }
  if (target.agent !== '') {
    const ofAgent = await deps.companies.companiesOfAgent(target.agent);
    if (ofAgent.length === 1) return { ok: true, companyId: ofAgent[0] as number };
    if (ofAgent.length > 1) return { ok: false, code: 'COMPANY_REQUIRED', message: 'This agent is in several companies: pick the company.' };
  }
  if (target.sandboxMode && installed.length === 1) return { ok: true, companyId: installed[0] as number };
  if (installed.length === 0) return { ok: false, code: 'NO_COMPANY_INSTALLED', message: 'Install the app in Pipedrive first.' };
  if (!target.sandboxMode && target.agent !== '') {
    return { ok: false, code: 'AGENT_NOT_FOUND', message: 'No installed user has this id or email: give the company too.' };
  }
  return { ok: false, code: 'COMPANY_REQUIRED', message: 'Several companies are installed: pick the company.' };
}
