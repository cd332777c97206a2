import type { GetServerSideProps } from 'next';
import { getAppContext } from '@/server/app-context';
import { controlCenterAllowed } from '@/server/page-access';
import { ControlCenter } from '@/ui/admin/control-center';

type AdminPageProps =
  | { view: 'control-center'; token: string | null; sandboxMode: boolean }
  | { view: 'locked'; reason: 'token_required' | 'not_configured' };

/**
 * The Control Center (simulated inbound calls). Open in sandbox mode; otherwise only with
 * `?token=<CONTROL_CENTER_TOKEN>`, which its socket presents again.
 */
export const getServerSideProps: GetServerSideProps<AdminPageProps> = async ({ res, query }) => {
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  const { config } = getAppContext();
  const token = typeof query.token === 'string' && query.token !== '' ? query.token : null;
  if (!controlCenterAllowed(config, token)) {
    res.statusCode = config.controlCenterToken === null ? 403 : 401;
    return { props: { view: 'locked', reason: config.controlCenterToken === null ? 'not_configured' : 'token_required' } };
  }
  return { props: { view: 'control-center', token, sandboxMode: config.sandboxMode } };
};

export default function AdminPage(props: AdminPageProps) {
  if (props.view === 'locked') {
    return (
      <main className="control-center">
        <h1>Control Center</h1>
        <p>
          {props.reason === 'not_configured'
            ? 'The Control Center is closed: set CONTROL_CENTER_TOKEN and open /admin?token=<that token>.'
            : 'Open /admin?token=<CONTROL_CENTER_TOKEN> to use the Control Center.'}
        </p>
      </main>
    );
  }
  return <ControlCenter token={props.token} sandboxMode={props.sandboxMode} />;
}
