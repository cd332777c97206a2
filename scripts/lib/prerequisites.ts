import { existsSync } from 'node:fs';
import { connect } from 'node:net';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Prerequisite {
  name: string;
  check(): Promise<boolean>;
  howToGetIt: string;
}

export function isPortOpen(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export const PREREQUISITES: Prerequisite[] = [
  {
    name: 'Chromium (end-to-end and browser tests)',
    check: async () => existsSync(CHROMIUM_PATH),
    howToGetIt: 'apt-get update && apt-get install -y chromium   (or set CHROMIUM_PATH)',
  },
  {
    name: 'PostgreSQL on 127.0.0.1:5432 (database tests run on both engines)',
    check: () => isPortOpen('127.0.0.1', 5432),
    howToGetIt: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  },
  {
    name: 'Redis on 127.0.0.1:6379 (multi-instance tests)',
    check: () => isPortOpen('127.0.0.1', 6379),
    howToGetIt: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
  },
];

/** Returns one line per missing prerequisite, saying how to get it. */
export async function missingPrerequisites(): Promise<string[]> {
  const missing: string[] = [];
  for (const prerequisite of PREREQUISITES) {
    if (!(await prerequisite.check())) missing.push(`- ${prerequisite.name} is missing. Get it with: ${prerequisite.howToGetIt}`);
  }
  return missing;
}
