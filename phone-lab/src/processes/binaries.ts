import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The one line that installs every part of the lab on Debian 12 (no kernel module is built). */
export const APT_INSTALL_LINE =
  'apt-get install -y kamailio kamailio-websocket-modules kamailio-extra-modules kamailio-tls-modules rtpengine-daemon baresip-core sox libsox-fmt-all';

export type LabBinary = 'kamailio' | 'rtpengine' | 'baresip' | 'sox';

export const LAB_BINARIES: readonly LabBinary[] = ['kamailio', 'rtpengine', 'baresip', 'sox'];

export class MissingBinaryError extends Error {
  constructor(readonly missing: LabBinary[]) {
    super(`phone-lab needs ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed. Install with:\n  ${APT_INSTALL_LINE}`);
    this.name = 'MissingBinaryError';
  }
}

// Kamailio lives in /usr/sbin, which is not on every user's PATH.
const EXTRA_DIRECTORIES = ['/usr/sbin', '/sbin', '/usr/local/sbin', '/usr/bin'];

/** Absolute path of an executable, or null. */
export function findBinary(name: string): string | null {
  const directories = [...(process.env.PATH ?? '').split(delimiter), ...EXTRA_DIRECTORIES].filter(Boolean);
  for (const directory of directories) {
    const candidate = join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return null;
}

/** Paths of all four programs, or a MissingBinaryError naming the absent ones and the apt-get line. */
export function requireLabBinaries(find: (name: string) => string | null = findBinary): Record<LabBinary, string> {
  const found: Partial<Record<LabBinary, string>> = {};
  const missing: LabBinary[] = [];
  for (const name of LAB_BINARIES) {
    const path = find(name);
    if (path) found[name] = path;
    else missing.push(name);
  }
  if (missing.length > 0) throw new MissingBinaryError(missing);
  return found as Record<LabBinary, string>;
}
