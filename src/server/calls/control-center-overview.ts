import type { ControlCenterOverview } from '@/contract/control-center';
import type { RealtimeServer } from '@/adapters/realtime/socket-server';
import type { CompanyDirectory } from '@/application/ports';

/** The companies' names as their installing users' accounts store them (ids without one are absent). */
export type ReadCompanyNames = (companyIds: readonly number[]) => Promise<ReadonlyMap<number, string>>;

/** The Control Center's list: installed companies by name and who is online in each (any instance). */
export function createControlCenterOverview(companies: CompanyDirectory, realtime: RealtimeServer, readNames: ReadCompanyNames, sandboxMode: boolean) {
  return async (): Promise<ControlCenterOverview> => {
    const [installed, online] = await Promise.all([companies.installedCompanies(), realtime.listAllOnlineAgents()]);
    const ids = [...new Set([...installed, ...online.map((agent) => agent.companyId)])].sort((a, b) => a - b);
    const names = await readNames(ids);
    return { sandboxMode, companies: ids.map((id) => ({ id, name: names.get(id) ?? null, agents: online.filter((agent) => agent.companyId === id) })) };
  };
}
