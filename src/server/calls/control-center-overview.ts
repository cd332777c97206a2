import type { ControlCenterOverview } from '@/adapters/realtime/control-center';
import type { RealtimeServer } from '@/adapters/realtime/socket-server';
import type { CompanyDirectory } from '@/application/ports';

/** The Control Center's list: installed companies and who is online in each (any instance). */
export function createControlCenterOverview(companies: CompanyDirectory, realtime: RealtimeServer, sandboxMode: boolean) {
  return async (): Promise<ControlCenterOverview> => {
    const [installed, online] = await Promise.all([companies.installedCompanies(), realtime.listAllOnlineAgents()]);
    const ids = [...new Set([...installed, ...online.map((agent) => agent.companyId)])].sort((a, b) => a - b);
    return { sandboxMode, companies: ids.map((id) => ({ id, agents: online.filter((agent) => agent.companyId === id) })) };
  };
}
