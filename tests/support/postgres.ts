import { isPortOpen } from '../../scripts/lib/prerequisites';

/** The PostgreSQL every database test also runs on (trust auth on this machine's loopback). */
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const START_POSTGRES = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';
export const POSTGRES_UNREACHABLE = `PostgreSQL is not reachable at ${POSTGRES_URL}. Start it with: ${START_POSTGRES}`;

export function isPostgresReachable(): Promise<boolean> {
  const { hostname, port } = new URL(POSTGRES_URL);
  return isPortOpen(hostname, Number(port || 5432));
}
