import { describe, expect, it } from 'vitest';
import type { CompanyDirectory } from '@/application/ports/company-directory.port';
import { resolveCallCompany } from './resolve-call-company';
import { resolveSimulatedCallCompany } from './resolve-simulated-call-company';

function directory(options: { installed: number[]; numbers?: Record<string, number[]>; agents?: Record<string, number[]> }): { companies: CompanyDirectory } {
  return {
    companies: {
      installedCompanies: async () => options.installed,
      companiesWithNumber: async (e164) => options.numbers?.[e164] ?? [],
      companiesOfAgent: async (agent) => options.agents?.[agent] ?? [],
    },
  };
}

describe('resolveCallCompany', () => {
  const deps = directory({ installed: [1, 2], numbers: { '+14155550100': [2] }, agents: { '11': [1], 'shared@x.test': [1, 2] } });

  it('picks the company whose number was dialled, over the agent named', async () => {
    expect(await resolveCallCompany(deps, { to: '+1 415 555 0100', agent: '11' })).toBe(2);
  });

  it("falls back to the named agent's company", async () => {
    expect(await resolveCallCompany(deps, { to: '+14155550999', agent: '11' })).toBe(1);
    expect(await resolveCallCompany(deps, { agent: '11' })).toBe(1);
  });

  it('stays undecided when the agent is in several companies and several are installed', async () => {
    expect(await resolveCallCompany(deps, { agent: 'shared@x.test' })).toBeUndefined();
    expect(await resolveCallCompany(deps, {})).toBeUndefined();
  });

  it('takes the only installed company when nothing else decides', async () => {
    expect(await resolveCallCompany(directory({ installed: [7] }), { to: 'not a number' })).toBe(7);
  });
});

describe('resolveSimulatedCallCompany', () => {
  it('accepts an installed company, refuses another, and asks for one when several could take it', async () => {
    const deps = directory({ installed: [1, 2], agents: { '11': [1] } });
    expect(await resolveSimulatedCallCompany(deps, { companyId: 2, agent: '', sandboxMode: false })).toEqual({ ok: true, companyId: 2 });
    expect(await resolveSimulatedCallCompany(deps, { companyId: 3, agent: '', sandboxMode: false })).toMatchObject({ ok: false, code: 'COMPANY_NOT_INSTALLED' });
    expect(await resolveSimulatedCallCompany(deps, { agent: '11', sandboxMode: false })).toEqual({ ok: true, companyId: 1 });
    expect(await resolveSimulatedCallCompany(deps, { agent: '', sandboxMode: true })).toMatchObject({ ok: false, code: 'COMPANY_REQUIRED' });
    expect(await resolveSimulatedCallCompany(deps, { agent: 'nobody@x.test', sandboxMode: false })).toMatchObject({ ok: false, code: 'AGENT_NOT_FOUND' });
  });
});
