import type { ControlCenterOverview } from '@/contract/control-center';
import { companyLabel } from './inbound-call-status';

/** Who can be rung right now, per installed company (windows open, available or not). */
export function AgentsOnline({ companies }: { companies: ControlCenterOverview['companies'] }) {
  return (
    <section className="control-center-card" aria-label="Agents online">
      <h2>Agents online</h2>
      {companies.length === 0 ? <p className="muted">No company has installed the app yet.</p> : null}
      {companies.map((company) => (
        <div key={company.id} className="control-center-company">
          <h3>
            {companyLabel(company)}
            {company.name === null ? null : <span className="muted"> · id {company.id}</span>}
          </h3>
          {company.agents.length === 0 ? (
            <p className="muted">Nobody has the window open.</p>
          ) : (
            <ul className="control-center-agents">
              {company.agents.map((online) => (
                <li key={online.userId}>
                  <span className="presence" data-status={online.available ? 'online' : 'away'} aria-hidden="true" />
                  <span>
                    {online.name} <span className="muted">({online.email}, id {online.userId})</span>
                    {online.available ? '' : ' – Do not disturb'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
