import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';

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

/** True when `name` is an executable on PATH or in the sbin directories (Kamailio lives in /usr/sbin). */
export function isProgramInstalled(name: string): boolean {
  const directories = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin'].filter(Boolean);
  return directories.some((directory) => existsSync(join(directory, name)));
}

const PHONE_LAB_PROGRAMS = ['kamailio', 'rtpengine', 'baresip', 'sox'];

export const PREREQUISITES: Prerequisite[] = [
  {
    name: 'Chromium (end-to-end and browser tests)',
    check: async () => existsSync(CHROMIUM_PATH),
    howToGetIt: 'apt-get update && apt-get install -y chromium   (or set CHROMIUM_PATH)',
  },
  {
    name: `Phone lab programs (${PHONE_LAB_PROGRAMS.join(', ')}) for real SIP calls in tests`,
    check: async () => PHONE_LAB_PROGRAMS.every(isProgramInstalled),
    howToGetIt:
      'apt-get update && apt-get install -y kamailio kamailio-websocket-modules kamailio-extra-modules kamailio-tls-modules rtpengine-daemon baresip-core sox libsox-fmt-all',
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
